using System.Net;
using Crabbox.Islo.Emulator.Http;

namespace Crabbox.Islo.Emulator.Tests.Http;

public sealed class ListenEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("localhost:8123", "127.0.0.1", 8123)]
    [InlineData("[::1]:9000", "::1", 9000)]
    [InlineData("127.0.0.2:1", "127.0.0.2", 1)]
    public void Parse_Loopback_ReturnsEndpoint(string address, string ip, int port)
    {
        var endpoint = ListenEndpoint.Parse(address);

        Assert.Equal(IPAddress.Parse(ip), endpoint.Address);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("0.0.0.0:0")]
    [InlineData("[::]:80")]
    [InlineData("10.0.0.1:80")]
    [InlineData("host:80")]
    [InlineData(":80")]
    [InlineData("127.0.0.1:-1")]
    public void Parse_NotLoopbackOrMalformed_Throws(string address)
    {
        Assert.Throws<ArgumentException>(() => ListenEndpoint.Parse(address));
    }
}
