using Crabbox.Core;
using Crabbox.Providers.Islo.Runs;

namespace Crabbox.Providers.Islo.Tests.Runs;

public sealed class IsloCommandLineTests
{
    [Fact]
    public void ToArgv_PlainArgv_PassedThroughWithoutShell()
    {
        var argv = IsloCommandLine.ToArgv(["pnpm", "test", "--filter", "a b"], shell: false);

        Assert.Equal(["pnpm", "test", "--filter", "a b"], argv);
    }

    [Fact]
    public void ToArgv_ShellMode_JoinsWordsVerbatim()
    {
        var argv = IsloCommandLine.ToArgv(["pnpm install", "&&", "pnpm test"], shell: true);

        Assert.Equal(["bash", "-lc", "pnpm install && pnpm test"], argv);
    }

    /// <summary>
    /// Deliberate difference from the Go islo provider (quirk 17.12): a single word with shell
    /// metacharacters is a script, as with crabbox's SSH providers, not one quoted command name.
    /// </summary>
    [Theory]
    [InlineData("pnpm install && pnpm test")]
    [InlineData("echo $HOME")]
    [InlineData("ls *.go")]
    [InlineData("printf ok")]
    [InlineData("make|tee log")]
    public void ToArgv_SingleWordWithMetacharacters_SentRawThroughBash(string script)
    {
        var argv = IsloCommandLine.ToArgv([script], shell: false);

        Assert.Equal(["bash", "-lc", script], argv);
    }

    [Fact]
    public void ToArgv_LeadingEnvAssignment_QuotesWordsIntoScript()
    {
        var argv = IsloCommandLine.ToArgv(["FOO=bar", "pnpm", "test"], shell: false);

        Assert.Equal(["bash", "-lc", "FOO='bar' 'pnpm' 'test'"], argv);
    }

    [Fact]
    public void ToArgv_ControlOperators_StayBareAndResetCommandPosition()
    {
        var argv = IsloCommandLine.ToArgv(["make", "build", "&&", "A=1", "make", "it's", ">", "log"], shell: false);

        Assert.Equal(["bash", "-lc", "'make' 'build' && A='1' 'make' 'it'\\''s' > 'log'"], argv);
    }

    /// <summary>The provider's looser leading-env test sends <c>a.b=1 x</c> through bash, quoted (reference quirk 17.13).</summary>
    [Fact]
    public void ToArgv_DottedAssignmentWord_QuotedLikeACommand()
    {
        var argv = IsloCommandLine.ToArgv(["a.b=1", "x"], shell: false);

        Assert.Equal(["bash", "-lc", "'a.b=1' 'x'"], argv);
    }

    [Fact]
    public void ToArgv_Empty_ThrowsUsage()
    {
        var error = Assert.Throws<CrabboxException>(() => IsloCommandLine.ToArgv([], shell: false));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal("missing command", error.Message);
    }

    [Theory]
    [InlineData(new[] { "FOO=bar", "x" }, true)]
    [InlineData(new[] { "make", "&&", "x" }, true)]
    [InlineData(new[] { "pnpm", "test" }, false)]
    [InlineData(new[] { "FOO=bar" }, false)]
    [InlineData(new[] { "-D=1", "x" }, false)]
    public void NeedsShell_Argv_DetectsAssignmentsAndOperators(string[] command, bool expected)
    {
        var needsShell = IsloCommandLine.NeedsShell(command);

        Assert.Equal(expected, needsShell);
    }

    [Theory]
    [InlineData(new[] { "FOO=bar", "pnpm" }, true)]
    [InlineData(new[] { "a.b=1", "x" }, true)]
    [InlineData(new[] { "--x=1", "y" }, false)]
    [InlineData(new[] { "pnpm", "test" }, false)]
    [InlineData(new[] { "FOO=bar" }, false)]
    public void StartsWithEnvAssignment_Argv_UsesLooseProviderRule(string[] command, bool expected)
    {
        var starts = IsloCommandLine.StartsWithEnvAssignment(command);

        Assert.Equal(expected, starts);
    }
}
