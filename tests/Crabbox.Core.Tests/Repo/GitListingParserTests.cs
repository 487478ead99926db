using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

public sealed class GitListingParserTests
{
    [Fact]
    public void ParseStage_StageRecords_OneEntryPerPathWithMode()
    {
        var output = string.Join('\0',
            "100644 aaaa 0\tsrc/a.cs",
            "100755 bbbb 0\trun.sh",
            "160000 cccc 0\tvendor/sub",
            "120000 dddd 0\tlink",
            "100644 eeee 1\tconflict.txt",
            "100644 ffff 2\tconflict.txt",
            "100644 gggg 0\twith\ttab.txt") + "\0";

        var entries = GitListingParser.ParseStage(output);

        Assert.Equal(["src/a.cs", "run.sh", "vendor/sub", "link", "conflict.txt", "with\ttab.txt"], entries.Select(entry => entry.Path));
        Assert.True(entries[2].IsGitlink);
        Assert.True(entries[1].IsRegularFile);
        Assert.False(entries[3].IsRegularFile);
        Assert.Equal(GitIndexEntry.ExecutableFileMode, entries[1].Mode);
    }

    [Fact]
    public void ParsePaths_NulSeparated_KeepsNamesVerbatim()
    {
        var paths = GitListingParser.ParsePaths("new file.txt\0line\nbreak\0nested/\0");

        Assert.Equal(["new file.txt", "line\nbreak", "nested/"], paths);
    }

    [Fact]
    public void ParseDeletedAndModified_TaggedRecords_SplitsIntoSets()
    {
        var state = new GitDirtyState();

        GitListingParser.ParseDeletedAndModified("R gone.txt\0C gone.txt\0C changed.txt\0", state);

        Assert.Equal(["gone.txt"], state.WorktreeDeleted);
        Assert.Equal(["changed.txt", "gone.txt"], state.WorktreeModified.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ParseStagedChanges_NameStatusPairs_SplitsDeletionsFromChanges()
    {
        var state = new GitDirtyState();

        GitListingParser.ParseStagedChanges("A\0added.txt\0M\0changed.txt\0D\0removed.txt\0T\0retyped\0", state);

        Assert.Equal(["removed.txt"], state.StagedDeleted);
        Assert.Equal(["added.txt", "changed.txt", "retyped"], state.StagedChanged.Order(StringComparer.Ordinal));
    }
}
