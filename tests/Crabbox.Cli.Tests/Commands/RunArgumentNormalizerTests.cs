using Crabbox.Cli.Commands;

namespace Crabbox.Cli.Tests.Commands;

public sealed class RunArgumentNormalizerTests
{
    private static readonly HashSet<string> s_valueOptions = ["--provider", "--id", "--label"];

    [Theory]
    [InlineData("run pnpm test", "run -- pnpm test")]
    [InlineData("run --keep pnpm test --watch", "run --keep -- pnpm test --watch")]
    [InlineData("run --provider local make", "run --provider local -- make")]
    [InlineData("run --provider=local make -j2", "run --provider=local -- make -j2")]
    [InlineData("--debug run ls", "--debug run -- ls")]
    [InlineData("run -- ls -la", "run -- ls -la")]
    [InlineData("run --keep", "run --keep")]
    [InlineData("status blue-crab", "status blue-crab")]
    [InlineData("run --id blue-crab -- ls", "run --id blue-crab -- ls")]
    public void Normalize_InsertsSeparatorBeforeFirstCommandWord(string input, string expected)
    {
        var normalized = RunArgumentNormalizer.Normalize(input.Split(' '), s_valueOptions);

        Assert.Equal(expected, string.Join(' ', normalized));
    }
}
