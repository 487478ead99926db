using Crabbox.Core;
using Crabbox.Core.Sync.Delta;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>Runs the <see cref="RemoteListing"/> script in one exec and parses what it printed.</summary>
internal sealed class IsloRemoteListing(IsloHelperExec exec)
{
    public const string Label = "list workspace";

    /// <summary>The listing, or null and why when the exec failed or its output held no listing.</summary>
    public async Task<(RemoteSnapshot? Snapshot, string? Error)> TryListAsync(string sandbox, string script, CancellationToken cancellationToken)
    {
        string output;
        try
        {
            output = await exec.RunForOutputAsync(sandbox, script, user: null, Label, cancellationToken);
        }
        catch (CrabboxException ex)
        {
            return (null, ex.Message);
        }

        try
        {
            return (RemoteListing.Parse(output), null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }
}
