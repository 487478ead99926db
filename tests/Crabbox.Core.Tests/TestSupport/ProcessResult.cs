namespace Crabbox.Core.Tests.TestSupport;

public sealed record ProcessResult(int ExitCode, string Output, string Error);
