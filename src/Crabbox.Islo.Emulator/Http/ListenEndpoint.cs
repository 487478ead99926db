using System.Globalization;
using System.Net;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>Parses <see cref="IsloEmulatorOptions.ListenAddress"/>: <c>host:port</c> with a loopback host.</summary>
internal static class ListenEndpoint
{
    public static IPEndPoint Parse(string address)
    {
        var separator = address.LastIndexOf(':');
        if (separator <= 0)
        {
            throw new ArgumentException($"listen address {address} must look like 127.0.0.1:0 (host:port)", nameof(address));
        }

        var host = address[..separator].Trim('[', ']');
        var portText = address[(separator + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"listen address {address} has an invalid port {portText}", nameof(address));
        }

        var ip = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed
            : throw new ArgumentException($"listen address {address} must use a loopback IP address or localhost", nameof(address));
        if (!IPAddress.IsLoopback(ip))
        {
            throw new ArgumentException($"listen address {address} is not loopback; the emulator only listens on loopback", nameof(address));
        }

        return new IPEndPoint(ip, port);
    }
}
