using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Crabbox.Core.Config;

/// <summary>
/// Walks a config file's top-level mapping into a layer: camelCase mappings become dotted keys
/// (matched case-insensitively, stored under the declared spelling), a scalar where a list is
/// expected is a one-element list, and null or empty values are unset. Unknown keys become
/// warnings; a list or mapping where a plain value belongs is exit 2.
/// </summary>
internal sealed partial class YamlConfigReader(
    ConfigKeyCatalog catalog, ConfigSource source, ConfigLayerProvider target, List<string> warnings)
{
    public void ReadRoot(YamlMappingNode root) => ReadSection(root, declaredPrefix: string.Empty, writtenPrefix: string.Empty);

    /// <summary>True for YAML's null spellings (an empty plain scalar, <c>~</c>, <c>null</c>).</summary>
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary><c>line 3, column 5: did not find expected key</c>, from YamlDotNet's exception.</summary>
    public static string Describe(YamlException error)
    {
        var message = MarkPrefix().Replace(error.Message, string.Empty);
        return $"line {error.Start.Line}, column {error.Start.Column}: {MessageText(message)}";
    }

    /// <summary>A message in crabbox's style: lowercase start, no trailing period.</summary>
    public static string MessageText(string message)
    {
        var text = message.Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private void ReadSection(YamlMappingNode mapping, string declaredPrefix, string writtenPrefix)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                throw ConfigErrors.Parse(
                    source.Name, $"line {keyNode.Start.Line}, column {keyNode.Start.Column}: expected a plain key");
            }

            var written = writtenPrefix + name;
            if (catalog.Find(declaredPrefix + name) is { } key)
            {
                ReadValue(key, valueNode);
            }
            else if (catalog.FindSection(declaredPrefix + name) is { } section)
            {
                ReadNestedSection(section, written, valueNode);
            }
            else
            {
                warnings.Add($"unknown config key \"{written}\" in {source}");
            }
        }
    }

    private void ReadNestedSection(string section, string written, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                ReadSection(mapping, section + ".", written + ".");
                break;
            case YamlScalarNode scalar when IsNull(scalar):
                break;
            default:
                throw ConfigErrors.InvalidShape(section, source, "expected a mapping of keys");
        }
    }

    private void ReadValue(ConfigKey key, YamlNode node)
    {
        if (key.Kind == ConfigValueKind.StringList)
        {
            target.AppendList(key.Path, ListItems(key, node), source);
            return;
        }

        if (node is not YamlScalarNode scalar)
        {
            var shape = node is YamlSequenceNode ? "a list" : "a mapping";
            throw ConfigErrors.InvalidShape(key.Path, source, $"expected a single value, not {shape}");
        }

        // As in the reference, an empty value does not override a lower layer.
        if (!IsNull(scalar) && !string.IsNullOrWhiteSpace(scalar.Value))
        {
            target.SetScalar(key.Path, scalar.Value, source);
        }
    }

    private List<string> ListItems(ConfigKey key, YamlNode node)
    {
        IEnumerable<YamlNode> nodes = node is YamlSequenceNode sequence ? sequence.Children : [node];
        var items = new List<string>();
        foreach (var item in nodes)
        {
            if (item is not YamlScalarNode scalar)
            {
                throw ConfigErrors.InvalidShape(key.Path, source, "expected a list of plain values");
            }

            if (!IsNull(scalar) && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                items.Add(scalar.Value);
            }
        }

        return items;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();
}
