using System.Text;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Body of <c>POST /sandboxes/{name}/exec</c> and <c>/exec/stream</c>. <see cref="Command"/> is an
/// argv run without a shell and is always sent; the other fields are omitted when null (and
/// <see cref="Env"/> also when empty). <see cref="ToString"/> lists env names, never values.
/// </summary>
internal sealed record IsloExecRequest
{
    public required IReadOnlyList<string> Command { get; init; }

    public IReadOnlyDictionary<string, string>? Env { get; init; }

    public string? Workdir { get; init; }

    /// <summary>Run as this user (e.g. <c>islo</c>, <c>root</c>); null = the image's default user.</summary>
    public string? User { get; init; }

    /// <summary>A hint only: Islo accepts it but does not enforce it.</summary>
    public int? TimeoutSecs { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Command = [").AppendJoin(", ", Command).Append(']')
            .Append(", Env = ").Append(IsloEnvNames.Describe(Env))
            .Append(", Workdir = ").Append(Workdir)
            .Append(", User = ").Append(User)
            .Append(", TimeoutSecs = ").Append(TimeoutSecs);
        return true;
    }
}
