using System.Text.RegularExpressions;

namespace Crabbox.Providers.Islo.Tests;

public sealed partial class IsloNamesTests
{
    [Theory]
    [InlineData("repo", "crabbox-repo-")]
    [InlineData("crabbox-foo", "crabbox-foo-")]
    [InlineData("crabbox", "crabbox-crabbox-")]
    [InlineData("My Repo!", "crabbox-my-repo-")]
    [InlineData(null, "crabbox-crabbox-")]
    [InlineData("", "crabbox-crabbox-")]
    public void NewSandboxName_RepoName_CanonicalWithRandomSuffix(string? repo, string prefix)
    {
        var name = IsloNames.NewSandboxName(repo);

        Assert.StartsWith(prefix, name, StringComparison.Ordinal);
        Assert.Matches(SixHex(), name[prefix.Length..]);
        Assert.True(IsloNames.IsCanonical(name));
    }

    [Fact]
    public void NewSandboxName_Twice_DiffersBySuffix()
    {
        var names = Enumerable.Range(0, 8).Select(_ => IsloNames.NewSandboxName("repo")).ToHashSet();

        Assert.True(names.Count > 1);
    }

    [Theory]
    [InlineData("crabbox-repo-abc123", true)]
    [InlineData("Crabbox-repo-abc123", false)]
    [InlineData("crabbox repo abc123", false)]
    [InlineData("crabbox/repo/abc123", false)]
    [InlineData("crabbox?repo=abc123", false)]
    [InlineData("production", false)]
    [InlineData("crabbox-", false)]
    [InlineData("", false)]
    public void IsCanonical_Name_OnlyNormalizedCrabboxNames(string name, bool expected)
    {
        var canonical = IsloNames.IsCanonical(name);

        Assert.Equal(expected, canonical);
    }

    [Fact]
    public void CleanupCommand_LeaseIdWithShellCharacters_AlwaysQuoted()
    {
        var command = IsloNames.CleanupCommand("islo", "isb_crabbox-repo-a;touch");

        Assert.Equal("crabbox stop --provider islo 'isb_crabbox-repo-a;touch'", command);
    }

    [Fact]
    public void LeaseIdAndSandboxName_RoundTrip()
    {
        var leaseId = IsloNames.LeaseId("crabbox-repo-abcdef");

        Assert.Equal("isb_crabbox-repo-abcdef", leaseId);
        Assert.Equal("crabbox-repo-abcdef", IsloNames.SandboxName(leaseId));
        Assert.Null(IsloNames.SandboxName("cbx_0123456789ab"));
    }

    [GeneratedRegex("^[0-9a-f]{6}$")]
    private static partial Regex SixHex();
}
