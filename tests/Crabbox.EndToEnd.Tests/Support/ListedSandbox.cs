using System.Text.Json;

namespace Crabbox.EndToEnd.Tests.Support;

/// <summary>One server of <c>crabbox list --json</c> (the Go crabbox's server-array document), read field by field.</summary>
internal sealed record ListedSandbox(string CloudId, string Provider, string Name, string Status, string Lease, string Slug)
{
    /// <summary>Parses the document; a missing field or a non-array fails with the JSON in the message.</summary>
    public static IReadOnlyList<ListedSandbox> ParseAll(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.ValueKind == JsonValueKind.Array, $"list --json is not an array: {json}");
        return
        [
            .. document.RootElement.EnumerateArray().Select(server =>
            {
                var labels = Required(server, "labels", json);
                return new ListedSandbox(
                    Text(server, "CloudID", json),
                    Text(server, "Provider", json),
                    Text(server, "name", json),
                    Text(server, "status", json),
                    Text(labels, "lease", json),
                    Text(labels, "slug", json));
            }),
        ];
    }

    private static string Text(JsonElement element, string name, string json) =>
        Required(element, name, json).GetString() ?? throw new InvalidOperationException($"{name} is null in {json}");

    private static JsonElement Required(JsonElement element, string name, string json) =>
        element.TryGetProperty(name, out var value) ? value : throw new InvalidOperationException($"{name} missing in {json}");
}
