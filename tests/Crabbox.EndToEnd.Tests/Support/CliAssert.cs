namespace Crabbox.EndToEnd.Tests.Support;

/// <summary>Assertions that show everything the crabbox process printed when they fail.</summary>
internal static class CliAssert
{
    public static void ExitCode(int expected, CliResult result) =>
        Assert.True(result.ExitCode == expected, $"expected exit {expected}, got {result}");
}
