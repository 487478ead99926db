using Crabbox.Core.Output;

namespace Crabbox.Core.Tests.Output;

public sealed class HumanBytesTests
{
    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(1023L, "1023 B")]
    [InlineData(1024L, "1.0 KiB")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(5L * 1024 * 1024 * 1024, "5.0 GiB")]
    [InlineData(20L * 1024 * 1024 * 1024 * 1024 * 1024, "20.0 PiB")]
    public void Format_Bytes_UsesBinaryUnitsWithOneDecimal(long bytes, string expected)
    {
        Assert.Equal(expected, HumanBytes.Format(bytes));
    }
}
