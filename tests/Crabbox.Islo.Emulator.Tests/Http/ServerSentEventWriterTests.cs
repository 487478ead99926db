using Crabbox.Islo.Emulator.Http;

namespace Crabbox.Islo.Emulator.Tests.Http;

public sealed class ServerSentEventWriterTests
{
    [Theory]
    [InlineData("hello", "event: stdout\ndata: hello\n\n")]
    [InlineData("a\nb", "event: stdout\ndata: a\ndata: b\n\n")]
    [InlineData("line\n", "event: stdout\ndata: line\ndata: \n\n")]
    [InlineData(" lead", "event: stdout\ndata:  lead\n\n")]
    public void Format_Payload_SplitsOnLineFeeds(string data, string expected)
    {
        var frame = ServerSentEventWriter.Format("stdout", data);

        Assert.Equal(expected, frame);
    }
}
