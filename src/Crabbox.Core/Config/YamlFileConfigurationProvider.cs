using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Crabbox.Core.Config;

/// <summary>
/// Reads one YAML config file with YamlDotNet's representation model. A missing or empty file
/// contributes nothing; a read or syntax error is exit 2. The file is read once, on the first
/// <see cref="Load"/>, so re-layering (<see cref="LoadedConfiguration.WithFlags"/>) never reads it again.
/// </summary>
internal sealed class YamlFileConfigurationProvider(ConfigSource source, ConfigKeyCatalog catalog)
    : ConfigLayerProvider(source.Kind)
{
    private readonly List<string> _warnings = [];
    private bool _loaded;

    public string Path => source.Name;

    /// <summary>True when the file existed and held at least a mapping (possibly of unknown keys).</summary>
    public bool WasRead { get; private set; }

    /// <summary>Unknown keys, as <c>unknown config key "x" in file /path</c>.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    public override void Load()
    {
        if (_loaded)
        {
            return;
        }

        _loaded = true;
        var text = ReadText();
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var root = Parse(text);
        if (root is null)
        {
            return;
        }

        WasRead = true;
        new YamlConfigReader(catalog, source, this, _warnings).ReadRoot(root);
    }

    private string? ReadText()
    {
        if (Directory.Exists(Path))
        {
            throw ConfigErrors.Read(Path, "is a directory");
        }

        try
        {
            return File.ReadAllText(Path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException error)
        {
            throw ConfigErrors.Read(Path, "permission denied", error);
        }
        catch (IOException error)
        {
            throw ConfigErrors.Read(Path, YamlConfigReader.MessageText(error.Message), error);
        }
    }

    /// <summary>The first document's top-level mapping; null for an empty document.</summary>
    private YamlMappingNode? Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            throw ConfigErrors.Parse(Path, YamlConfigReader.Describe(error), error);
        }

        // Like the reference's yaml.v3 unmarshal, only the first document counts.
        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        return root switch
        {
            null => null,
            YamlMappingNode mapping => mapping,
            YamlScalarNode scalar when YamlConfigReader.IsNull(scalar) => null,
            _ => throw ConfigErrors.Parse(Path, $"line {root.Start.Line}, column {root.Start.Column}: expected a mapping of keys at the top level"),
        };
    }
}
