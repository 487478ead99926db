using System.Text;
using Crabbox.Providers.Islo.Artifacts;

namespace Crabbox.Providers.Islo.Tests.Artifacts;

public sealed class BoundedOutputBufferTests
{
    [Fact]
    public async Task WriteAsync_PastLimit_KeepsPrefixAndRecordsOverflow()
    {
        using var buffer = new BoundedOutputBuffer(4);

        await buffer.WriteAsync(Encoding.ASCII.GetBytes("abcdef"), TestContext.Current.CancellationToken);

        Assert.Equal("abcd", Encoding.ASCII.GetString(buffer.Kept));
        Assert.True(buffer.Overflowed);
    }

    [Fact]
    public void Write_WithinLimit_KeepsEverything()
    {
        using var buffer = new BoundedOutputBuffer(8);

        buffer.Write(Encoding.ASCII.GetBytes("abc"));
        buffer.Write(Encoding.ASCII.GetBytes("def"));

        Assert.Equal("abcdef", Encoding.ASCII.GetString(buffer.Kept));
        Assert.False(buffer.Overflowed);
    }
}
