using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

public sealed partial class GitSyncManifestBuilderTests(ScenarioRepoFixture scenario) : IClassFixture<ScenarioRepoFixture>
{
    private SyncManifest Manifest => scenario.Manifest;

    [Fact]
    public void BuildAsync_ScenarioRepo_ShipsExactlyTheExpectedPaths()
    {
        string[] expected =
        [
            ".crabboxignore", ".gitignore", "README.md", "dist/app.js", "link-absolute", "link-inside", "link-outside",
            .. ScenarioRepoFixture.OddNames, "out/keep.txt", "scripts/run.sh", "src/app.cs", "src/modify-me.txt",
            "src/untrack-me.txt", "staged-new.txt", "sub/.gitignore", "sub/kept.txt", "tools/new-tool",
        ];

        var paths = Manifest.Files.Select(file => file.Path).ToArray();

        Assert.Equal(expected.Order(StringComparer.Ordinal), paths);
    }

    [Fact]
    public void BuildAsync_ScenarioRepo_SortsByOrdinalPathAndSumsBytes()
    {
        var paths = Manifest.Files.Select(file => file.Path).ToList();

        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
        Assert.Equal(Manifest.Files.Sum(file => file.Size), Manifest.Bytes);
    }

    [Fact]
    public void BuildAsync_FilesWithContent_RecordSizeAndExecBit()
    {
        var script = Manifest.Files.Single(file => file.Path == "scripts/run.sh");
        var tool = Manifest.Files.Single(file => file.Path == "tools/new-tool");
        var readme = Manifest.Files.Single(file => file.Path == "README.md");

        Assert.Equal((ManifestEntryKind.File, 0x1ED), (script.Kind, script.Mode));
        Assert.Equal(0x1ED, tool.Mode);
        Assert.Equal(new ManifestEntry("README.md", ManifestEntryKind.File, 11, 0x1A4, null), readme);
    }

    [Fact]
    public void BuildAsync_Symlinks_KeptAsLinksWithTargetsUnchanged()
    {
        var links = Manifest.Files.Where(file => file.Kind == ManifestEntryKind.Symlink).ToDictionary(file => file.Path);

        Assert.Equal(["link-absolute", "link-inside", "link-outside"], links.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("src/app.cs", links["link-inside"].LinkTarget);
        Assert.Equal("../outside.txt", links["link-outside"].LinkTarget);
        Assert.Equal(scenario.OutsideTarget, links["link-absolute"].LinkTarget);
        Assert.All(links.Values, link => Assert.Equal(0x1FF, link.Mode));
        Assert.Equal("src/app.cs".Length, links["link-inside"].Size);
    }

    [Fact]
    public void BuildAsync_DeletedTrackedFiles_ListsWorktreeAndStagedDeletes()
    {
        Assert.Equal(["src/delete-me.txt", "src/staged-delete.txt"], Manifest.Deleted);
    }

    [Fact]
    public void BuildAsync_DirtyTree_ChangedHoldsModifiedStagedDeletedAndUntracked()
    {
        string[] expected =
        [
            "out/keep.txt", "src/delete-me.txt", "src/modify-me.txt", "src/staged-delete.txt", "src/untrack-me.txt",
            "staged-new.txt", "sub/kept.txt", "tools/new-tool", ".crabboxignore",
        ];
        var existing = Manifest.Files.Where(file => Manifest.Changed.Contains(file.Path)).Sum(file => file.Size);

        Assert.Equal(expected.Order(StringComparer.Ordinal), Manifest.Changed);
        Assert.Equal(existing, Manifest.ChangedBytes);
    }

    [Fact]
    public void BuildAsync_GitIgnoredFilesFromEverySource_AreNotListed()
    {
        var paths = Manifest.Files.Select(file => file.Path).ToHashSet();

        Assert.DoesNotContain("ignored-root.txt", paths);
        Assert.DoesNotContain("sub/local.txt", paths);
        Assert.DoesNotContain("info-excluded.txt", paths);
        Assert.DoesNotContain("globally-ignored.txt", paths);
    }

    [Fact]
    public void BuildAsync_Submodule_GitlinkAndContentsSkipped()
    {
        Assert.DoesNotContain(Manifest.Files, file => file.Path.StartsWith("vendor/", StringComparison.Ordinal));
        Assert.DoesNotContain(Manifest.Changed, path => path.StartsWith("vendor/", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildAsync_CrabboxExcludes_CountedPerRuleWithOrigin()
    {
        var counts = Manifest.Exclusions.Rules.Select(rule => (rule.Rule.Pattern, rule.Rule.OriginName, rule.Files)).ToList();

        Assert.Equal(
            [
                ("node_modules", "built-in", 1), ("dist", "built-in", 1), ("*.tmp", "config", 1),
                ("cache-dir/", "config", 1), ("out/", ".crabboxignore", 1), ("*.secret", ".crabboxignore", 1),
                (".crabbox/logs", "protected", 1),
            ],
            counts);
        Assert.Equal(7, Manifest.Exclusions.Files);
    }

    [Fact]
    public void BuildAsync_TrackedFileUnderAmbiguousBuiltIn_IsProtected()
    {
        Assert.Equal([new ProtectedTrackedFile("dist/app.js", "dist")], Manifest.ProtectedTrackedFiles);
        Assert.Contains(Manifest.Files, file => file.Path == "dist/app.js");
    }

    [Fact]
    public void BuildAsync_OddFileNames_KeptVerbatim()
    {
        var paths = Manifest.Files.Select(file => file.Path).ToHashSet();

        Assert.All(ScenarioRepoFixture.OddNames, name => Assert.Contains(name, paths));
    }

    [Fact]
    public void BuildAsync_Rules_KeepEveryRuleWithItsOrigin()
    {
        Assert.Contains(Manifest.Rules, rule => rule is { Pattern: "!out/keep.txt", Origin: ExcludeRuleOrigin.CrabboxIgnore });
        Assert.Contains(Manifest.Rules, rule => rule is { Pattern: "*.tmp", Origin: ExcludeRuleOrigin.Config });
        Assert.DoesNotContain(Manifest.Rules, rule => rule.Pattern.StartsWith('#'));
        Assert.Equal(ExcludeRuleOrigin.Protected, Manifest.Rules[^1].Origin);
    }
}
