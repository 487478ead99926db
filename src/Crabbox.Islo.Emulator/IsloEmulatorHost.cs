using System.Security.Cryptography;
using Crabbox.Islo.Emulator.Exec;
using Crabbox.Islo.Emulator.Http;
using Crabbox.Islo.Emulator.Sandboxes;
using Crabbox.Islo.Emulator.Sandboxing;
using Crabbox.Islo.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crabbox.Islo.Emulator;

/// <summary>
/// An Islo-API-compatible sandbox host on a loopback port: sandboxes are folders under the
/// state directory and commands run as real processes under bubblewrap (or, loudly, on the
/// host). Control and compute routes share <see cref="BaseUrl"/>.
/// </summary>
public sealed class IsloEmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxProcessTracker _tracker;
    private readonly ProcessSpawner _spawner;
    private int _stopped;

    private IsloEmulatorHost(WebApplication app, SandboxProcessTracker tracker, ProcessSpawner spawner, Uri baseUrl, string apiKey, SandboxIsolation isolation, string? warning)
    {
        _app = app;
        _tracker = tracker;
        _spawner = spawner;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
        EffectiveIsolation = isolation;
        IsolationWarning = warning;
    }

    /// <summary>Where the API answers, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The access key <c>POST /auth/token</c> accepts.</summary>
    public string ApiKey { get; }

    /// <summary><see cref="SandboxIsolation.Bubblewrap"/> or <see cref="SandboxIsolation.Host"/>.</summary>
    public SandboxIsolation EffectiveIsolation { get; }

    /// <summary>Non-null when commands are not isolated: text to show the user prominently.</summary>
    public string? IsolationWarning { get; }

    /// <summary>
    /// Binds the socket and starts answering. Throws <see cref="ArgumentException"/> for a
    /// non-loopback listen address and <see cref="InvalidOperationException"/> when
    /// <see cref="SandboxIsolation.Bubblewrap"/> is required but bwrap is missing.
    /// </summary>
    public static async Task<IsloEmulatorHost> StartAsync(IsloEmulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the islo emulator runs on Linux and macOS only");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(options.StateDirectory);
        var endpoint = ListenEndpoint.Parse(options.ListenAddress);
        var layout = new StateLayout(options.StateDirectory);
        layout.EnsureCreated();
        var (launcher, warning) = IsolationResolver.Resolve(options.Isolation, layout, Environment.GetEnvironmentVariable("PATH") ?? string.Empty);
        var apiKey = options.ApiKey ?? $"ak_emu_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        var timeProvider = TimeProvider.System;
        var tracker = new SandboxProcessTracker();
        var spawner = new ProcessSpawner();
        var tokens = new TokenStore(apiKey, timeProvider);
        var pipeline = new RequestPipeline(tokens, options.Log);
        if (warning is not null)
        {
            pipeline.Log(warning);
        }

        var app = BuildApplication(layout, endpoint);
        app.Use(pipeline.InvokeAsync);
        app.UseRouting();
        MapRoutes(app, options, layout, launcher, tracker, spawner, tokens, timeProvider);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            spawner.Dispose();
            throw;
        }

        return new IsloEmulatorHost(app, tracker, spawner, ReadBaseUrl(app), apiKey, launcher.Isolation, warning);
    }

    /// <summary>Kills the processes this host started and stops answering. State on disk is already current.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _tracker.KillAllStartedAsync(cancellationToken);
        await _app.StopAsync(cancellationToken);
        _spawner.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }

    private static WebApplication BuildApplication(StateLayout layout, System.Net.IPEndPoint endpoint)
    {
        // The empty builder reads no configuration files or environment variables and adds no
        // loggers: start-up stays fast and a user's appsettings.json cannot leak in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(IsloEmulatorHost).Assembly.GetName().Name,
            ContentRootPath = layout.Root,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(endpoint);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        return builder.Build();
    }

    private static void MapRoutes(
        WebApplication app,
        IsloEmulatorOptions options,
        StateLayout layout,
        ICommandLauncher launcher,
        SandboxProcessTracker tracker,
        ProcessSpawner spawner,
        TokenStore tokens,
        TimeProvider timeProvider)
    {
        var trash = new TrashCollector(layout);
        trash.CollectLeftovers();
        var sandboxStore = new SandboxStore(layout, trash);
        var snapshotStore = new SnapshotStore(layout, trash);
        var execs = new ExecRegistry();
        var responses = new SandboxResponses(launcher.Isolation, timeProvider);
        var sandboxes = new SandboxService(sandboxStore, snapshotStore, tracker, execs, options.StartupDelay, timeProvider);
        var exec = new ExecService(sandboxStore, launcher, tracker, spawner, timeProvider);
        new AuthEndpoints(tokens).Map(app);
        new SandboxEndpoints(sandboxes, sandboxStore, responses, timeProvider).Map(app);
        new ExecEndpoints(exec, execs, sandboxStore, options.KeepAliveInterval).Map(app);
        new FileEndpoints(sandboxStore, options.Faults).Map(app);
        new ShareEndpoints(sandboxStore, timeProvider).Map(app);
        new SnapshotEndpoints(snapshotStore, sandboxStore, timeProvider).Map(app);
    }

    private static Uri ReadBaseUrl(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }
}
