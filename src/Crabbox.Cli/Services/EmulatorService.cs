using Crabbox.Cli.Hosting;
using Crabbox.Core;
using Crabbox.Islo.Emulator;

namespace Crabbox.Cli.Services;

/// <summary>
/// <c>crabbox islo-emulator</c>: hosts the Islo-compatible emulator until Ctrl-C, printing the
/// base URL and API key any Islo client (crabbox's <c>--provider islo</c> included) can use.
/// </summary>
internal sealed class EmulatorService(CliEnvironment environment)
{
    public async Task<int> ServeAsync(string listen, string? state, SandboxIsolation isolation, bool verbose, CancellationToken cancellationToken)
    {
        var stateDirectory = Path.GetFullPath(state ?? Path.Combine(environment.Paths.StateDirectory, "islo-emulator"), environment.WorkingDirectory);
        IsloEmulatorHost host;
        try
        {
            host = await IsloEmulatorHost.StartAsync(
                new IsloEmulatorOptions
                {
                    StateDirectory = stateDirectory,
                    ListenAddress = listen,
                    Isolation = isolation,
                    Log = verbose ? environment.Console.Error : null,
                },
                cancellationToken);
        }
        catch (ArgumentException error)
        {
            throw CrabboxException.Usage($"--listen {listen}: {error.Message}");
        }
        catch (InvalidOperationException error)
        {
            throw CrabboxException.Usage(error.Message);
        }

        await using (host)
        {
            var output = environment.Console;
            if (host.IsolationWarning is { } warning)
            {
                await output.Error.WriteLineAsync(warning);
            }

            await output.Error.WriteLineAsync(
                $"islo emulator listening on {host.BaseUrl} (state {stateDirectory}, isolation {host.EffectiveIsolation.ToString().ToLowerInvariant()}); press Ctrl-C to stop");
            await output.Out.WriteLineAsync($"export ISLO_BASE_URL={host.BaseUrl.ToString().TrimEnd('/')}");
            await output.Out.WriteLineAsync($"export ISLO_API_KEY={host.ApiKey}");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C is how this command is meant to end: stop cleanly and report success.
            }

            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await host.StopAsync(stopTimeout.Token);
            await output.Error.WriteLineAsync("islo emulator stopped");
        }

        return ExitCodes.Success;
    }
}
