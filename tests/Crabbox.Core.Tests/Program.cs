using Crabbox.Core.Tests.Leases;

namespace Crabbox.Core.Tests;

/// <summary>
/// The test executable's entry point: xunit's own (as its generated one would be), except that
/// <c>claim-writer</c> runs one child process of the multi-process claim tests instead.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [ClaimWriterProcess.Verb, ..])
        {
            return await ClaimWriterProcess.RunChildAsync(args[1..]);
        }

        if (args.Any(arg => arg is "--server" or "--internal-msbuild-node"))
        {
            return await Xunit.MicrosoftTestingPlatform.TestPlatformTestFramework.RunAsync(args, SelfRegisteredExtensions.AddSelfRegisteredExtensions);
        }

        return await Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args);
    }
}
