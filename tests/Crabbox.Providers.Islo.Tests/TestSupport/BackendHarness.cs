using System.Text;
using Crabbox.Core;
using Crabbox.Core.Config;
using Crabbox.Core.Leases;
using Crabbox.Core.Providers;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>
/// Builds an <see cref="IsloBackend"/> the way the CLI does, against a <see cref="FakeIsloClient"/>:
/// real configuration loading, real claims in a private XDG state directory, a capturing console
/// and a virtual clock. Nothing touches the process environment.
/// </summary>
internal sealed class BackendHarness : IDisposable
{
    /// <summary>A key that must never show up in any output, error, claim or argv.</summary>
    public const string ApiKey = "islo_sk_live_7Hq2Zp9Wd4Xc";

    private readonly TempDirectory _directory = new("crabbox-islo-backend");

    public BackendHarness()
    {
        Variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = _directory.Combine("home"),
            ["XDG_CONFIG_HOME"] = _directory.Combine("config"),
            ["XDG_STATE_HOME"] = _directory.Combine("state"),
            ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["CRABBOX_ISLO_API_KEY"] = ApiKey,
        };
        Factory = new FakeIsloClientFactory(Client);
        WorkingDirectory = _directory.Combine("cwd");
        Directory.CreateDirectory(WorkingDirectory);
        Directory.CreateDirectory(ScratchDirectory);
    }

    public FakeIsloClient Client { get; } = new();

    public FakeIsloClientFactory Factory { get; }

    /// <summary>Replaces <see cref="Factory"/> (e.g. with real clients for live tests).</summary>
    public IIsloClientFactory? ClientFactory { get; set; }

    public FakeConsole Console { get; } = new();

    public TimeProvider Time { get; set; } = new SteppingTimeProvider();

    /// <summary>The environment snapshot the backend sees; edit before <c>CreateBackend</c>.</summary>
    public Dictionary<string, string> Variables { get; }

    public List<FlagValue> Flags { get; } = [];

    /// <summary>A checkout to sync and claim for, or null (then claims are not written).</summary>
    public TempGitRepo? Repo { get; set; }

    /// <summary>Written to <c>crabbox.yaml</c> at the repository root (an untrusted file).</summary>
    public string? RepoConfig { get; set; }

    /// <summary>Written to the user config file (trusted).</summary>
    public string? UserConfig { get; set; }

    public string WorkingDirectory { get; }

    /// <summary>A private temp directory for the exec-upload fallback's archive file.</summary>
    public string ScratchDirectory => _directory.Combine("tmp");

    public EnvironmentVariables Environment => new(Variables);

    public CrabboxPaths Paths => new(Environment);

    public ClaimStore Claims => new(Paths, Time);

    public RepositoryInfo? RepoInfo => Repo is null ? null : new RepositoryInfo(Repo.Root, "repo", null, null, "main");

    public string RepoRoot => Repo?.Root ?? throw new InvalidOperationException("no repo");

    public string Out => Console.OutText;

    public string Error => Console.ErrorText;

    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static async Task<BackendHarness> WithRepoAsync()
    {
        var harness = new BackendHarness { Repo = await TempGitRepo.CreateAsync("repo") };
        harness.Repo.Write("go.mod", "module example.com/repo\n");
        harness.Repo.Write("src/main.go", "package main\n");
        await harness.Repo.CommitAllAsync();
        return harness;
    }

    public void Flag(string key, string flagName, string value) => Flags.Add(new FlagValue(key, flagName, value));

    public LoadedConfiguration LoadConfiguration()
    {
        if (RepoConfig is not null)
        {
            File.WriteAllText(Path.Combine(RepoRoot, "crabbox.yaml"), RepoConfig);
        }

        if (UserConfig is not null)
        {
            Directory.CreateDirectory(Paths.ConfigDirectory);
            File.WriteAllText(Paths.UserConfigFile, UserConfig);
        }

        return new ConfigLoader().Load(new ConfigLoadOptions
        {
            WorkingDirectory = Repo?.Root ?? WorkingDirectory,
            RepoRoot = Repo?.Root,
            Environment = Environment,
            Paths = Paths,
            Keys = [.. CoreConfigKeys.All, .. IsloConfigKeys.All],
            Flags = Flags,
        });
    }

    public ProviderContext Context() => new()
    {
        Config = LoadConfiguration(),
        Console = Console,
        Environment = Environment,
        Paths = Paths,
        Claims = Claims,
        Time = Time,
        WorkingDirectory = Repo?.Root ?? WorkingDirectory,
    };

    public IsloProvider Provider() =>
        new(ClientFactory ?? Factory, new GitSyncManifestBuilder(Repo?.Environment ?? Environment), new TarGzSyncArchiveWriter());

    /// <summary>The backend as <c>crabbox --provider islo</c> builds it (endpoint from config and environment).</summary>
    public IsloBackend CreateBackend(IsloTimeouts? timeouts = null) =>
        Build(Context(), null, "islo", timeouts);

    /// <summary>The backend as another provider (e.g. <c>local</c>) builds it, with a fixed endpoint and display name.</summary>
    public IsloBackend CreateBackend(string providerName, IsloEndpoint endpoint, IsloTimeouts? timeouts = null) =>
        Build(Context(), endpoint, providerName, timeouts);

    /// <summary>The shared parts of a backend, for testing its pieces one by one.</summary>
    public IsloRuntime Runtime(string providerName = "islo", IsloTimeouts? timeouts = null)
    {
        var context = Context();
        return new IsloRuntime
        {
            ProviderName = providerName,
            Console = context.Console,
            Claims = context.Claims,
            ClaimService = new RepoClaimService(context.Claims, context.Paths, context.Time),
            Paths = context.Paths,
            Time = context.Time,
            Settings = IsloSettings.FromConfiguration(context.Config),
            Timeouts = timeouts ?? IsloTimeouts.Default,
            Clients = new IsloClientAccessor(ClientFactory ?? Factory, IsloEndpointResolver.Resolve(context.Config, context.Environment, providerName), providerName, context.Environment),
            WorkingDirectory = context.WorkingDirectory,
            TempDirectory = ScratchDirectory,
        };
    }

    public async Task<LeaseClaim> SeedClaimAsync(string leaseId, string? slug = null, string? repoRoot = null, string provider = "islo", string? pond = null)
    {
        var stored = await Claims.UpdateAsync(
            leaseId,
            _ => new LeaseClaim
            {
                LeaseId = leaseId,
                Slug = slug,
                Provider = provider,
                Pond = pond,
                RepoRoot = repoRoot ?? string.Empty,
                ClaimedAt = Time.GetUtcNow(),
                LastUsedAt = Time.GetUtcNow(),
            },
            TestContext.Current.CancellationToken);
        return stored!;
    }

    public Task<LeaseClaim?> ReadClaimAsync(string leaseId) => Claims.ReadAsync(leaseId, TestContext.Current.CancellationToken);

    /// <summary>Everything a user or another process could see: stdout, stderr and every claim file.</summary>
    public string Everything()
    {
        var text = new StringBuilder(Out).Append(Error);
        if (Directory.Exists(Paths.StateDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(Paths.StateDirectory, "*", SearchOption.AllDirectories))
            {
                text.Append(File.ReadAllText(file));
            }
        }

        return text.ToString();
    }

    public void Dispose()
    {
        Repo?.Dispose();
        _directory.Dispose();
    }

    private IsloBackend Build(ProviderContext context, IsloEndpoint? endpoint, string providerName, IsloTimeouts? timeouts)
    {
        var resolved = endpoint ?? IsloEndpointResolver.Resolve(context.Config, context.Environment, providerName);
        return new IsloBackend(
            context,
            resolved,
            providerName,
            ClientFactory ?? Factory,
            new GitSyncManifestBuilder(Repo?.Environment ?? Environment),
            new TarGzSyncArchiveWriter(),
            timeouts,
            ScratchDirectory);
    }
}
