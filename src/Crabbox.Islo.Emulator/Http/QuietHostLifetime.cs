using Microsoft.Extensions.Hosting;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>
/// Replaces the generic host's console lifetime: the emulator lives inside another program
/// (the crabbox CLI), which owns Ctrl+C and SIGTERM.
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
