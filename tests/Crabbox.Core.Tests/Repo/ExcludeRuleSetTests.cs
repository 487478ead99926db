using Crabbox.Core.Repo;

namespace Crabbox.Core.Tests.Repo;

public sealed class ExcludeRuleSetTests
{
    [Fact]
    public void Create_Sources_OrdersBuiltInConfigIgnoreThenProtected()
    {
        var set = ExcludeRuleSet.Create(["*.tmp"], ["# comment", "", "scratch/"]);

        var origins = set.Rules.Select(rule => rule.Origin).Distinct().ToList();

        Assert.Equal(
            [ExcludeRuleOrigin.BuiltIn, ExcludeRuleOrigin.Config, ExcludeRuleOrigin.CrabboxIgnore, ExcludeRuleOrigin.Protected],
            origins);
        Assert.Equal("scratch/", set.Rules.Single(rule => rule.Origin == ExcludeRuleOrigin.CrabboxIgnore).Pattern);
        Assert.Equal(".crabbox/runs", set.Rules[^1].Pattern);
    }

    [Fact]
    public void Evaluate_ReIncludeAfterDirectoryRule_LastMatchWins()
    {
        var set = ExcludeRuleSet.Create([], ["out", "!out/keep.txt"]);

        var keep = set.Evaluate("out/keep.txt", trackedRegularFile: false);
        var drop = set.Evaluate("out/other.txt", trackedRegularFile: false);

        Assert.False(keep.Excluded);
        Assert.True(drop.Excluded);
        Assert.Equal("out", set.Rules[drop.RuleIndex].Pattern);
    }

    [Fact]
    public void Evaluate_ProtectedRuntimeFolder_CannotBeReIncluded()
    {
        var set = ExcludeRuleSet.Create(["!.crabbox/logs/run.log"], ["!.crabbox/logs/run.log"]);

        var decision = set.Evaluate(".crabbox/logs/run.log", trackedRegularFile: true);

        Assert.True(decision.Excluded);
        Assert.Equal(ExcludeRuleOrigin.Protected, set.Rules[decision.RuleIndex].Origin);
    }

    [Fact]
    public void Evaluate_AmbiguousBuiltInOnTrackedRegularFile_KeepsAndReportsProtection()
    {
        var set = ExcludeRuleSet.Create([], []);

        var tracked = set.Evaluate("dist/app.js", trackedRegularFile: true);
        var untracked = set.Evaluate("dist/app.js", trackedRegularFile: false);

        Assert.False(tracked.Excluded);
        Assert.Equal("dist", set.Rules[tracked.ProtectedByIndex].Pattern);
        Assert.True(untracked.Excluded);
    }

    [Fact]
    public void Evaluate_UserRuleAfterAmbiguousBuiltIn_IsAuthoritativeForTrackedFiles()
    {
        var set = ExcludeRuleSet.Create(["dist"], []);

        var decision = set.Evaluate("dist/app.js", trackedRegularFile: true);

        Assert.True(decision.Excluded);
        Assert.Equal(ExcludeRuleOrigin.Config, set.Rules[decision.RuleIndex].Origin);
        Assert.Equal(-1, decision.ProtectedByIndex);
    }

    [Fact]
    public void Evaluate_NonAmbiguousBuiltInOnTrackedFile_Excludes()
    {
        var set = ExcludeRuleSet.Create([], []);

        var decision = set.Evaluate("node_modules/dist/app.js", trackedRegularFile: true);

        Assert.True(decision.Excluded);
        Assert.Equal("node_modules", set.Rules[decision.RuleIndex].Pattern);
        Assert.Equal(-1, decision.ProtectedByIndex);
    }

    [Fact]
    public void Evaluate_NoRuleMatches_IncludesWithoutRule()
    {
        var set = ExcludeRuleSet.Create([], []);

        var decision = set.Evaluate("src/main.cs", trackedRegularFile: true);

        Assert.Equal(new ExcludeDecision(false, -1, -1), decision);
    }
}
