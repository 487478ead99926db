using System.Text.Json;

namespace Crabbox.Islo.Emulator.Json;

/// <summary>
/// The real <c>SandboxResponse</c> plus one extra field, <c>isolation</c> (<c>bubblewrap</c> or
/// <c>host</c>), so a client can see when commands are not isolated; clients ignore unknown fields.
/// </summary>
internal sealed record SandboxResponse
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Status { get; init; }

    public required string Image { get; init; }

    public required string CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required SandboxSpecResponse Spec { get; init; }

    public string? Workdir { get; init; }

    public JsonElement? Lifecycle { get; init; }

    public required string Isolation { get; init; }
}
