using System.Text.Json;
using Crabbox.Core.Repo;
using Crabbox.Core.Sync;
using Crabbox.Core.Tests.TestSupport;

namespace Crabbox.Core.Tests.Sync;

public sealed class SyncPlanReportTests
{
    private static readonly ExcludeRule s_nodeModules = new("node_modules", ExcludeRuleOrigin.BuiltIn);
    private static readonly ExcludeRule s_secret = new("*.secret", ExcludeRuleOrigin.CrabboxIgnore);

    private static readonly SyncManifest s_manifest = ManifestFactory.Create(
        [
            ("README.md", 100), ("src/app/main.cs", 3000), ("src/app/util.cs", 1000), ("src/lib/big.bin", 5000),
            ("docs/guide.md", 2048), ("dist/app.js", 10),
        ],
        changed: ["README.md", "src/gone.cs"],
        deleted: ["src/gone.cs"],
        protectedFiles: [new ProtectedTrackedFile("dist/app.js", "dist")],
        exclusions: new ExclusionSummary(5, [new ExcludedRuleCount(s_nodeModules, 4), new ExcludedRuleCount(s_secret, 1)]));

    [Fact]
    public void WriteText_Manifest_PrintsSummaryExclusionsVerdictAndTops()
    {
        var report = SyncPlanReport.Create(s_manifest, new SyncSettings { WarnFiles = 6 }, limit: 3);
        using var writer = new StringWriter { NewLine = "\n" };

        report.WriteText(writer);

        Assert.Equal(
            """
            sync candidate: 6 files, 10.9 KiB dirty_delta=2 files, 100 B
            warning: protected 1 tracked files from built-in artifact excludes: dist/app.js (dist)
            deleted tracked paths: 1
            excluded: 5 files
              node_modules (built-in): 4 files
              *.secret (.crabboxignore): 1 files
            guardrail: warning (candidate: 6 files >= warning threshold 6)
            top files:
              4.9 KiB    src/lib/big.bin
              2.9 KiB    src/app/main.cs
              2.0 KiB    docs/guide.md
            top dirs:
              4.9 KiB    src/lib
              3.9 KiB    src/app
              2.0 KiB    docs

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            writer.ToString());
    }

    [Fact]
    public void TopDirs_RootFilesAndShallowFiles_UseDotAndFirstTwoSegments()
    {
        var report = SyncPlanReport.Create(s_manifest, new SyncSettings());

        Assert.Equal(
            [("src/lib", 5000L), ("src/app", 4000L), ("docs", 2048L), (".", 100L), ("dist", 10L)],
            report.TopDirs.Select(pair => (pair.Key, pair.Value)));
    }

    [Fact]
    public void WriteJson_Manifest_WritesOneCompactCamelCaseObject()
    {
        var report = SyncPlanReport.Create(s_manifest, new SyncSettings { FailBytes = 10_000 }, limit: 2);
        using var writer = new StringWriter();

        report.WriteJson(writer);

        var text = writer.ToString().TrimEnd('\n', '\r');
        Assert.DoesNotContain('\n', text);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("files").GetInt64());
        Assert.Equal(11158, root.GetProperty("bytes").GetInt64());
        Assert.Equal("10.9 KiB", root.GetProperty("humanBytes").GetString());
        Assert.Equal(6, root.GetProperty("candidate").GetProperty("files").GetInt64());
        Assert.Equal(5, root.GetProperty("excluded").GetProperty("files").GetInt32());
        Assert.Equal(
            """[{"pattern":"node_modules","origin":"built-in","files":4},{"pattern":"*.secret","origin":".crabboxignore","files":1}]""",
            root.GetProperty("excluded").GetProperty("rules").GetRawText());
        Assert.Equal(1, root.GetProperty("deleted").GetInt32());
        Assert.Equal(1, root.GetProperty("deletedTrackedPaths").GetInt32());
        Assert.Equal("""{"files":2,"bytes":100,"humanBytes":"100 B"}""", root.GetProperty("dirtyDelta").GetRawText());
        Assert.Equal(
            """{"count":1,"examples":[{"path":"dist/app.js","pattern":"dist"}]}""",
            root.GetProperty("protectedTrackedFiles").GetRawText());
        Assert.Equal(
            """{"scope":"candidate","files":6,"bytes":11158,"humanBytes":"10.9 KiB","limits":{"warnFiles":50000,"warnBytes":5368709120,"failFiles":150000,"failBytes":10000},"allowLarge":false,"status":"failed","reasons":[{"status":"failed","metric":"bytes","actual":11158,"limit":10000}]}""",
            root.GetProperty("guardrail").GetRawText());
        Assert.Equal(
            """[{"path":"src/lib/big.bin","bytes":5000,"humanBytes":"4.9 KiB"},{"path":"src/app/main.cs","bytes":3000,"humanBytes":"2.9 KiB"}]""",
            root.GetProperty("topFiles").GetRawText());
        Assert.Equal(2, root.GetProperty("topDirs").GetArrayLength());
    }

    [Fact]
    public void WriteJson_Stream_MatchesTextWriterOutput()
    {
        var report = SyncPlanReport.Create(s_manifest, new SyncSettings());
        using var stream = new MemoryStream();
        using var writer = new StringWriter { NewLine = "\n" };

        report.WriteJson(stream);
        report.WriteJson(writer);

        Assert.Equal(writer.ToString(), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void WriteJson_UnicodeAndQuotes_StayReadable()
    {
        var manifest = ManifestFactory.Create([("ünï \"q\" <b>.txt", 1)]);
        using var writer = new StringWriter();

        SyncPlanReport.Create(manifest, new SyncSettings()).WriteJson(writer);

        Assert.Contains("\"path\":\"ünï \\\"q\\\" <b>.txt\"", writer.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Create_NonPositiveLimit_Throws(int limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyncPlanReport.Create(s_manifest, new SyncSettings(), limit));
    }
}
