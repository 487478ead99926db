using Crabbox.Cli.Hosting;
using Crabbox.Core;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Services;

/// <summary>The commands that look at or act on existing leases: status, list, stop, pause, resume, ssh.</summary>
internal sealed class LeaseService(CliEnvironment environment, ProviderSessionFactory sessions)
{
    public async Task<int> StatusAsync(LeaseCommandOptions options, StatusRequest request, bool json, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(options, cancellationToken);
        var view = await session.Backend.StatusAsync(request, cancellationToken);
        var output = environment.Console.Out;
        if (json)
        {
            StatusRenderer.WriteJson(output, view);
        }
        else
        {
            StatusRenderer.WriteText(output, view);
        }

        return ExitCodes.Success;
    }

    public async Task<int> ListAsync(LeaseCommandOptions options, ListRequest request, bool json, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(options, cancellationToken);
        var leases = await session.Backend.ListAsync(request, cancellationToken);
        var output = environment.Console.Out;
        if (json)
        {
            LeaseListRenderer.WriteJson(output, leases);
        }
        else
        {
            LeaseListRenderer.WriteText(output, leases);
        }

        return ExitCodes.Success;
    }

    public async Task<int> StopAsync(LeaseCommandOptions options, LeaseRequest request, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(options, cancellationToken);
        if (request.Reclaim)
        {
            throw CrabboxException.Usage($"provider={session.Provider.Name} does not support stop --reclaim");
        }

        await session.Backend.StopAsync(request, cancellationToken);
        return ExitCodes.Success;
    }

    public Task<int> PauseAsync(LeaseCommandOptions options, LeaseRequest request, CancellationToken cancellationToken) =>
        PauseOrResumeAsync(options, request, pause: true, cancellationToken);

    public Task<int> ResumeAsync(LeaseCommandOptions options, LeaseRequest request, CancellationToken cancellationToken) =>
        PauseOrResumeAsync(options, request, pause: false, cancellationToken);

    public async Task<int> SshAsync(LeaseCommandOptions options, LeaseRequest request, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(options, cancellationToken);
        if (!session.Provider.Spec.Has(ProviderFeatures.Ssh) || session.Backend is not ISshLoginBackend login)
        {
            throw CrabboxException.Usage($"provider={session.Provider.Name} does not support ssh");
        }

        var target = await login.ResolveSshAsync(request with { Repo = session.Repo }, cancellationToken);
        await environment.Console.Out.WriteLineAsync(SshCommandRenderer.Format(target));
        return ExitCodes.Success;
    }

    private async Task<int> PauseOrResumeAsync(LeaseCommandOptions options, LeaseRequest request, bool pause, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(options, cancellationToken);
        if (!session.Provider.Spec.Has(ProviderFeatures.PauseResume) || session.Backend is not IPausableBackend pausable)
        {
            throw CrabboxException.Usage($"provider={session.Provider.Name} does not support {(pause ? "pause" : "resume")}");
        }

        if (pause)
        {
            await pausable.PauseAsync(request, cancellationToken);
        }
        else
        {
            await pausable.ResumeAsync(request, cancellationToken);
        }

        return ExitCodes.Success;
    }
}
