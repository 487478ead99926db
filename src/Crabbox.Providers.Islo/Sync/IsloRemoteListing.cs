using Crabbox.Core;
using Crabbox.Core.Sync.Delta;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>Runs a <see cref="RemoteListing"/> script in one exec and parses what it printed.</summary>
internal sealed class IsloRemoteListing(IsloHelperExec exec)
{
    public const string Label = "list workspace";

    /// <summary>
    /// The listing, or null and why when the exec failed or its output held no listing.
    /// <paramref name="paths"/>: the script is a <see cref="RemoteListing.UploadScript"/>.
    /// </summary>
    public async Task<(RemoteSnapshot? Snapshot, string? Error)> TryListAsync(
        string sandbox, string script, bool paths, CancellationToken cancellationToken)
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
            return (paths ? RemoteListing.ParsePaths(output) : RemoteListing.Parse(output), null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }
}
