using Crabbox.Core.Config;
using Crabbox.Core.Leases;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Services;

/// <summary><c>crabbox warmup</c>: create and claim a sandbox for later <c>--id</c> runs.</summary>
internal sealed class WarmupService(ProviderSessionFactory sessions)
{
    public async Task<int> WarmupAsync(LeaseCommandOptions options, WarmupRequest request, CancellationToken cancellationToken)
    {
        var slug = request.Slug is null ? null : Slugs.ValidateRequested(request.Slug);
        await using var session = await sessions.OpenAsync(options, cancellationToken);
        await session.Backend.WarmupAsync(
            request with
            {
                Repo = session.Repo,
                Slug = slug,
                Pond = RunService.NormalizePond(request.Pond ?? session.Configuration.GetString(CoreConfigKeys.Pond)),
            },
            cancellationToken);
        return 0;
    }
}
