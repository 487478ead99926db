using Crabbox.Core.Output;
using Crabbox.Core.Runs;

namespace Crabbox.Providers.Islo;

/// <summary>ssh: where <c>crabbox ssh</c> logs in.</summary>
internal sealed partial class IsloBackend
{
    public const string SshUser = "islo";
    public const int SshPort = 22;

    /// <summary>
    /// Claims the lease for the checkout (<c>--reclaim</c> adopts an unclaimed one), resumes a
    /// paused sandbox or waits for a starting one, and returns <c>islo@&lt;name&gt;.islo:22</c> (user,
    /// port and key only differ when <c>ssh.*</c> is set explicitly). The login itself goes through
    /// the Islo CLI's SSH proxy (<c>islo ssh --setup</c>).
    /// </summary>
    public async Task<SshTarget> ResolveSshAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lease = await _resolver.ResolveForRepoAsync(request.Id, request.Repo?.Root, request.Reclaim, cancellationToken);
        await _resolver.RequireExactClaimAsync(lease, "SSH reuse", cancellationToken);
        await _waiter.EnsureReadyForLoginAsync(lease.Name, cancellationToken);

        var material = _runtime.Paths.LeaseMaterialDirectory(lease.LeaseId);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(material);
        }
        else
        {
            Directory.CreateDirectory(material, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var settings = _runtime.Settings;
        return new SshTarget
        {
            User = settings.SshUser ?? SshUser,
            Host = lease.Name + ".islo",
            Port = settings.SshPort ?? SshPort,
            KeyPath = settings.SshKey,
            KnownHostsFile = Path.Combine(material, "known_hosts"),
        };
    }
}
