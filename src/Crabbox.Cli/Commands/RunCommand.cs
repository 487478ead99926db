using System.CommandLine;
using Crabbox.Cli.Services;
using Crabbox.Core.Config;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;

namespace Crabbox.Cli.Commands;

/// <summary><c>crabbox run [flags] -- &lt;command...&gt;</c>.</summary>
internal sealed class RunCommand : CrabboxCommand
{
    private static readonly Option<string?> s_idOption = CommonOptions.Id();
    private static readonly Option<bool> s_keepOption = new("--keep") { Description = "Keep a sandbox this run creates (print how to stop it) instead of deleting it" };
    private static readonly Option<bool> s_keepOnFailureOption = new("--keep-on-failure") { Description = "Keep a sandbox this run creates if the command fails, for inspection" };
    private static readonly Option<bool> s_reclaimOption = CommonOptions.Reclaim();
    private static readonly Option<bool> s_noSyncOption = new("--no-sync") { Description = "Do not upload the working tree; run in the sandbox as it is" };
    private static readonly Option<bool> s_fullResyncOption = new("--full-resync", "--fresh-sync") { Description = "Wipe the remote workspace and upload the whole tree for this run" };
    private static readonly Option<bool> s_shellOption = new("--shell") { Description = "Run the command words, joined by spaces, as one remote shell script (pipes, &&, globs)" };
    private static readonly Option<string?> s_slugOption = CommonOptions.Slug();
    private static readonly Option<string?> s_pondOption = CommonOptions.Pond();
    private static readonly Option<string?> s_labelOption = new("--label") { Description = "Free-text label recorded in the timing report", HelpName = "text" };
    private static readonly Option<bool> s_timingJsonOption = CommonOptions.TimingJson();
    private static readonly Option<string[]> s_downloadOption = new("--download") { Description = "After a successful run, copy a remote workspace file here (repeatable; files up to 64 KiB)", HelpName = "remote=local" };
    private static readonly Option<string[]> s_requireArtifactOption = new("--require-artifact") { Description = "Fail with exit 7 unless this workspace file exists after a successful run (repeatable)", HelpName = "path" };
    private static readonly Option<string[]> s_allowEnvOption = new("--allow-env") { Description = "Forward this local environment variable (NAME or PREFIX*) to the command (repeatable); adds to env.allow", HelpName = "name" };
    private static readonly Option<TimeSpan?> s_idleTimeoutOption = CommonOptions.Duration("--idle-timeout", "Idle timeout recorded with the lease (default 30m)");
    private static readonly Option<TimeSpan?> s_waitTimeoutOption = CommonOptions.Duration("--wait-timeout", "How long a new sandbox may take to become ready before exit 5 (default 5m)");
    private static readonly Option<TimeSpan?> s_ttlOption = CommonOptions.Duration("--ttl", "Maximum lease lifetime recorded with the lease (default 1h30m)");
    private static readonly Argument<string[]> s_commandArgument = new("command") { Description = "The command and its arguments, after --", Arity = ArgumentArity.ZeroOrMore };

    // Accepted for compatibility with the Go crabbox, then rejected by providers that cannot honor them.
    private static readonly Option<bool> s_syncOnlyOption = CompatibilityFlag<bool>("--sync-only");
    private static readonly Option<bool> s_checksumOption = CompatibilityFlag<bool>("--checksum");
    private static readonly Option<bool> s_forceSyncLargeOption = CompatibilityFlag<bool>("--force-sync-large");
    private static readonly Option<string?> s_envHelperOption = CompatibilityFlag<string?>("--env-helper");
    private static readonly Option<string?> s_captureStdoutOption = CompatibilityFlag<string?>("--capture-stdout");
    private static readonly Option<string?> s_captureStderrOption = CompatibilityFlag<string?>("--capture-stderr");
    private static readonly Option<bool> s_captureOnFailOption = CompatibilityFlag<bool>("--capture-on-fail");
    private static readonly Option<string[]> s_artifactGlobOption = CompatibilityFlag<string[]>("--artifact-glob");
    private static readonly Option<string?> s_emitProofOption = CompatibilityFlag<string?>("--emit-proof");
    private static readonly Option<string?> s_stopAfterOption = CompatibilityFlag<string?>("--stop-after");
    private static readonly Option<string?> s_scriptOption = CompatibilityFlag<string?>("--script");
    private static readonly Option<bool> s_scriptStdinOption = CompatibilityFlag<bool>("--script-stdin");
    private static readonly Option<string?> s_freshPrOption = CompatibilityFlag<string?>("--fresh-pr");
    private static readonly Option<string?> s_poolOption = CompatibilityFlag<string?>("--pool");
    private static readonly Option<string[]> s_requireArtifactSchemaOption = CompatibilityFlag<string[]>("--require-artifact-schema");

    private readonly ProviderFlagOptions _providerFlags;
    private readonly RunService _service;

    public RunCommand(IConsole console, ProviderRegistry registry, RunService service)
        : base("run", "Sync the working tree to a sandbox, run a command there and stream its output back", console)
    {
        _service = service;
        _providerFlags = new ProviderFlagOptions(registry);
        _providerFlags.AddTo(this);
        Option[] options =
        [
            s_idOption, s_keepOption, s_keepOnFailureOption, s_reclaimOption, s_noSyncOption, s_fullResyncOption,
            s_shellOption, s_slugOption, s_pondOption, s_labelOption, s_timingJsonOption, s_downloadOption,
            s_requireArtifactOption, s_allowEnvOption, s_idleTimeoutOption, s_ttlOption, s_waitTimeoutOption,
            s_syncOnlyOption, s_checksumOption, s_forceSyncLargeOption, s_envHelperOption, s_captureStdoutOption,
            s_captureStderrOption, s_captureOnFailOption, s_artifactGlobOption, s_emitProofOption, s_stopAfterOption,
            s_scriptOption, s_scriptStdinOption, s_freshPrOption, s_poolOption, s_requireArtifactSchemaOption,
        ];
        foreach (var option in options)
        {
            Options.Add(option);
        }

        Arguments.Add(s_commandArgument);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var invocation = new RunInvocation
        {
            Lease = new LeaseCommandOptions
            {
                Flags = _providerFlags.Collect(parseResult, DurationFlags(parseResult)),
                LeaseId = LeaseIdentifier.Optional(parseResult.GetValue(s_idOption), null, "run"),
            },
            Command = parseResult.GetValue(s_commandArgument) ?? [],
            Shell = parseResult.GetValue(s_shellOption),
            Keep = parseResult.GetValue(s_keepOption),
            KeepOnFailure = parseResult.GetValue(s_keepOnFailureOption),
            Reclaim = parseResult.GetValue(s_reclaimOption),
            NoSync = parseResult.GetValue(s_noSyncOption),
            FullResync = parseResult.GetValue(s_fullResyncOption),
            Slug = parseResult.GetValue(s_slugOption),
            Pond = parseResult.GetValue(s_pondOption),
            Label = parseResult.GetValue(s_labelOption),
            TimingJson = parseResult.GetValue(s_timingJsonOption),
            WaitTimeout = parseResult.GetValue(s_waitTimeoutOption) ?? TimeSpan.FromMinutes(5),
            Downloads = parseResult.GetValue(s_downloadOption) ?? [],
            RequiredArtifacts = parseResult.GetValue(s_requireArtifactOption) ?? [],
            AllowEnv = parseResult.GetValue(s_allowEnvOption) ?? [],
            Usage = new RunOptionUsage
            {
                Pool = parseResult.GetValue(s_poolOption) is not null,
                RequireArtifactSchema = (parseResult.GetValue(s_requireArtifactSchemaOption) ?? []).Length > 0,
                SyncOnly = parseResult.GetValue(s_syncOnlyOption),
                Checksum = parseResult.GetValue(s_checksumOption),
                ForceSyncLarge = parseResult.GetValue(s_forceSyncLargeOption),
                FullResync = parseResult.GetValue(s_fullResyncOption),
                EnvHelper = parseResult.GetValue(s_envHelperOption) is not null,
                CaptureStdout = parseResult.GetValue(s_captureStdoutOption) is not null,
                CaptureStderr = parseResult.GetValue(s_captureStderrOption) is not null,
                CaptureOnFail = parseResult.GetValue(s_captureOnFailOption),
                ArtifactGlob = (parseResult.GetValue(s_artifactGlobOption) ?? []).Length > 0,
                Download = (parseResult.GetValue(s_downloadOption) ?? []).Length > 0,
                RequireArtifact = (parseResult.GetValue(s_requireArtifactOption) ?? []).Length > 0,
                EmitProof = parseResult.GetValue(s_emitProofOption) is not null,
                StopAfter = parseResult.GetValue(s_stopAfterOption) is not null,
                Script = parseResult.GetValue(s_scriptOption) is not null || parseResult.GetValue(s_scriptStdinOption),
                FreshPr = parseResult.GetValue(s_freshPrOption) is not null,
            },
        };
        return _service.RunAsync(invocation, cancellationToken);
    }

    /// <summary>Options that take a value, so the argument normalizer knows which token after them is not the command.</summary>
    internal IEnumerable<string> ValueOptionNames() =>
        Options.Where(option => option.ValueType != typeof(bool)).SelectMany(option => option.Aliases.Prepend(option.Name));

    private static IEnumerable<FlagValue> DurationFlags(ParseResult parseResult)
    {
        if (parseResult.GetValue(s_idleTimeoutOption) is { } idle)
        {
            yield return new FlagValue(CoreConfigKeys.IdleTimeout, "--idle-timeout", GoDuration.Format(idle));
        }

        if (parseResult.GetValue(s_ttlOption) is { } ttl)
        {
            yield return new FlagValue(CoreConfigKeys.Ttl, "--ttl", GoDuration.Format(ttl));
        }
    }

    private static Option<T> CompatibilityFlag<T>(string name) => new(name) { Hidden = true };
}
