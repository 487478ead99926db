using Crabbox.Cli.Hosting;
using Crabbox.Core;
using Crabbox.Core.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crabbox.Cli.Tests.TestSupport;

/// <summary>
/// Runs crabbox command lines in-process through the real parser and services, against an
/// isolated HOME/XDG tree, a chosen working directory and environment, and fake providers.
/// </summary>
internal sealed class CliTestHost : IDisposable
{
    private readonly TempDirectory _home = new("crabbox-cli-home");

    public CliTestHost(string? workingDirectory = null)
    {
        WorkingDirectory = workingDirectory ?? _home.Combine("work");
        Directory.CreateDirectory(WorkingDirectory);
        Variables = new Dictionary<string, string>
        {
            ["HOME"] = _home.Path,
            ["XDG_CONFIG_HOME"] = _home.Combine("config"),
            ["XDG_STATE_HOME"] = _home.Combine("state"),
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        };
    }

    public FakeProvider Alpha { get; } = new(
        "alpha", ProviderFeatures.RunDownloads | ProviderFeatures.PauseResume | ProviderFeatures.Ssh | ProviderFeatures.UrlBridge);

    public FakeProvider Beta { get; } = new("beta", ProviderFeatures.None);

    public string WorkingDirectory { get; }

    public string StateDirectory => _home.Combine("state");

    public string UserConfigFile => _home.Combine("config/crabbox/config.yaml");

    public Dictionary<string, string> Variables { get; }

    public Task<CliResult> RunAsync(params string[] args) => RunCancellableAsync(args, TestContext.Current.CancellationToken);

    /// <summary>Runs against the real providers (islo, local) instead of the fakes.</summary>
    public Task<CliResult> RunWithRealProvidersAsync(params string[] args) =>
        RunCoreAsync(args, fakeProviders: false, TestContext.Current.CancellationToken);

    public Task<CliResult> RunCancellableAsync(string[] args, CancellationToken cancellationToken) =>
        RunCoreAsync(args, fakeProviders: true, cancellationToken);

    private async Task<CliResult> RunCoreAsync(string[] args, bool fakeProviders, CancellationToken cancellationToken)
    {
        var console = new FakeConsole();
        var environment = new CliEnvironment
        {
            Console = console,
            Variables = new EnvironmentVariables(new Dictionary<string, string>(Variables)),
            WorkingDirectory = WorkingDirectory,
        };
        await using var services = CrabboxServices.Build(environment, services =>
        {
            if (!fakeProviders)
            {
                return;
            }

            services.RemoveAll<IProvider>();
            services.AddSingleton<IProvider>(Alpha);
            services.AddSingleton<IProvider>(Beta);
        });
        var exitCode = await services.GetRequiredService<CliApplication>().RunAsync(args, cancellationToken).WithTimeout();
        return new CliResult(exitCode, console.OutText, console.ErrorText);
    }

    public void Dispose() => _home.Dispose();
}
