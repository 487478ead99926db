using Crabbox.Core.Repo;
using Crabbox.Core.Tests.TestSupport;

namespace Crabbox.Core.Tests.Repo;

public sealed class SyncGuardrailsTests
{
    private static readonly SyncManifest s_twelveFiles = ManifestFactory.Create(
        [.. Enumerable.Range(0, 9).Select(i => ($"a/f{i}", 100L)), ("b/x", 100L), ("b/y", 100L), ("root.txt", 100L)]);

    [Fact]
    public void Enforce_UnderLimits_PrintsCandidateLineOnly()
    {
        var console = new FakeConsole();

        var verdict = SyncGuardrails.Enforce(s_twelveFiles, new SyncSettings(), console);

        Assert.Equal(GuardrailStatus.Ok, verdict.Status);
        Assert.Empty(verdict.Reasons);
        Assert.Equal("sync candidate: 12 files, 1.2 KiB\n", console.ErrorText);
        Assert.Equal(string.Empty, console.OutText);
    }

    [Fact]
    public void Enforce_DirtyTree_AppendsDirtyDelta()
    {
        var manifest = ManifestFactory.Create([("a.txt", 2048), ("b.txt", 10)], changed: ["a.txt", "gone.txt"]);
        var console = new FakeConsole();

        SyncGuardrails.Enforce(manifest, new SyncSettings(), console);

        Assert.Equal("sync candidate: 2 files, 2.0 KiB dirty_delta=2 files, 2.0 KiB\n", console.ErrorText);
    }

    [Fact]
    public void Enforce_FilesAtWarnThreshold_WarnsWithTopDirsAndHint()
    {
        var console = new FakeConsole();

        var verdict = SyncGuardrails.Enforce(s_twelveFiles, new SyncSettings { WarnFiles = 12 }, console);

        Assert.Equal(GuardrailStatus.Warning, verdict.Status);
        Assert.Equal([new GuardrailReason(GuardrailStatus.Warning, GuardrailMetric.Files, 12, 12)], verdict.Reasons);
        Assert.Equal(
            "sync candidate: 12 files, 1.2 KiB\n"
            + "warning: large sync candidate: 12 files >= warning threshold 12\n"
            + "sync top dirs: a:9,b:2,.:1\n"
            + "sync hint: add generated paths to .crabboxignore or sync.exclude, or use --force-sync-large when intentional\n",
            console.ErrorText);
    }

    [Fact]
    public void Enforce_BytesOverWarnThreshold_WarnsWithHumanSizes()
    {
        var console = new FakeConsole();

        SyncGuardrails.Enforce(s_twelveFiles, new SyncSettings { WarnBytes = 1024 }, console);

        Assert.Contains("warning: large sync candidate: 1.2 KiB >= warning threshold 1.0 KiB\n", console.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Enforce_FilesOverFailLimit_PrintsTopDirsThenThrowsExitSix()
    {
        var console = new FakeConsole();

        var error = Assert.Throws<CrabboxException>(
            () => SyncGuardrails.Enforce(s_twelveFiles, new SyncSettings { FailFiles = 10 }, console));

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.Equal(
            "sync candidate too large: 12 files >= limit 10; use --force-sync-large or CRABBOX_SYNC_ALLOW_LARGE=1", error.Message);
        Assert.Contains("sync top dirs: a:9,b:2,.:1\n", console.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Enforce_BytesOverFailLimit_ThrowsWithHumanSizes()
    {
        var manifest = ManifestFactory.Create([("big.bin", 3L * 1024 * 1024)]);

        var error = Assert.Throws<CrabboxException>(
            () => SyncGuardrails.Enforce(manifest, new SyncSettings { FailBytes = 2L * 1024 * 1024 }, new FakeConsole()));

        Assert.Equal(ExitCodes.Sync, error.ExitCode);
        Assert.Equal(
            "sync candidate too large: 3.0 MiB >= limit 2.0 MiB; use --force-sync-large or CRABBOX_SYNC_ALLOW_LARGE=1", error.Message);
    }

    [Fact]
    public void Enforce_AllowLarge_SkipsHardLimitButStillWarns()
    {
        var console = new FakeConsole();
        var settings = new SyncSettings { WarnFiles = 5, FailFiles = 10, AllowLarge = true };

        var verdict = SyncGuardrails.Enforce(s_twelveFiles, settings, console);

        Assert.Equal(GuardrailStatus.Warning, verdict.Status);
        Assert.True(verdict.AllowLarge);
        Assert.Contains("warning: large sync candidate: 12 files >= warning threshold 5\n", console.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ZeroLimits_DisableChecks()
    {
        var settings = new SyncSettings { WarnFiles = 0, WarnBytes = 0, FailFiles = 0, FailBytes = 0 };

        var verdict = SyncGuardrails.Evaluate(s_twelveFiles, settings);

        Assert.Equal(GuardrailStatus.Ok, verdict.Status);
    }

    [Fact]
    public void Evaluate_DirtyDelta_ScopeStaysCandidate()
    {
        var manifest = ManifestFactory.Create([("a", 1), ("b", 1), ("c", 1)], changed: ["a"]);

        var verdict = SyncGuardrails.Evaluate(manifest, new SyncSettings { FailFiles = 3 });

        Assert.Equal("candidate", verdict.Scope);
        Assert.Equal(3, verdict.Files);
        Assert.Equal(GuardrailStatus.Failed, verdict.Status);
        Assert.Equal(new GuardrailLimits(50_000, 5L << 30, 3, 20L << 30), verdict.Limits);
    }

    [Fact]
    public void Enforce_ProtectedTrackedFiles_PrintsWarningWithAtMostFiveExamples()
    {
        var protectedFiles = Enumerable.Range(0, 7).Select(i => new ProtectedTrackedFile($"dist/f{i}.js", "dist")).ToList();
        var manifest = ManifestFactory.Create([("a", 1)], protectedFiles: protectedFiles);
        var console = new FakeConsole();

        SyncGuardrails.Enforce(manifest, new SyncSettings(), console);

        Assert.Contains(
            "warning: protected 7 tracked files from built-in artifact excludes: dist/f0.js (dist), dist/f1.js (dist), dist/f2.js (dist), dist/f3.js (dist), dist/f4.js (dist) (+2 more)\n",
            console.ErrorText,
            StringComparison.Ordinal);
    }
}
