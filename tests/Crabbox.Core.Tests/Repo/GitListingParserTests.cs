using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

public sealed class GitListingParserTests
{
    [Fact]
    public void ParseLsFiles_TaggedRecords_SortsIntoListing()
    {
        var output = string.Join('\0',
            "H 100644 aaaa 0\tsrc/a.cs",
            "H 100755 bbbb 0\trun.sh",
            "H 160000 cccc 0\tvendor/sub",
            "H 100644 dddd 0\tgone.txt",
            "R 100644 dddd 0\tgone.txt",
            "C 100644 dddd 0\tgone.txt",
            "M 100644 eeee 1\tconflict.txt",
            "M 100644 ffff 2\tconflict.txt",
            "? new file.txt",
            "? nested/") + "\0";
        var listing = new GitWorktreeListing();

        GitListingParser.ParseLsFiles(output, listing);

        Assert.Equal(["src/a.cs", "run.sh", "vendor/sub", "gone.txt", "conflict.txt"], listing.Tracked.Select(entry => entry.Path));
        Assert.True(listing.Tracked.Single(entry => entry.Path == "vendor/sub").IsGitlink);
        Assert.True(listing.Tracked.Single(entry => entry.Path == "run.sh").IsRegularFile);
        Assert.Equal(["gone.txt"], listing.WorktreeDeleted);
        Assert.Equal(["gone.txt"], listing.WorktreeModified);
        Assert.Equal(["new file.txt", "nested/"], listing.Untracked);
    }

    [Fact]
    public void ParseStagedChanges_NameStatusPairs_SplitsDeletionsFromChanges()
    {
        var output = "A\0added.txt\0M\0changed.txt\0D\0removed.txt\0T\0retyped\0";
        var listing = new GitWorktreeListing();

        GitListingParser.ParseStagedChanges(output, listing);

        Assert.Equal(["removed.txt"], listing.StagedDeleted);
        Assert.Equal(["added.txt", "changed.txt", "retyped"], listing.StagedChanged.Order(StringComparer.Ordinal));
    }
}
