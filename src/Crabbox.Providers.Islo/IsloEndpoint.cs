using System.Text;

namespace Crabbox.Providers.Islo;

/// <summary>
/// Where a backend talks and with which key. <see cref="BaseUrl"/> is the control plane (token
/// exchange); <see cref="ComputeUrl"/> serves every <c>/sandboxes...</c> route. A null or blank
/// <see cref="ApiKey"/> is allowed here: commands that need no API call still work, and the first
/// call fails with exit 2. <see cref="ToString"/> never prints the key.
/// </summary>
internal sealed record IsloEndpoint(Uri BaseUrl, Uri ComputeUrl, string? ApiKey)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("BaseUrl = ").Append(BaseUrl)
            .Append(", ComputeUrl = ").Append(ComputeUrl)
            .Append(", ApiKey = ").Append(string.IsNullOrWhiteSpace(ApiKey) ? "(none)" : "[redacted]");
        return true;
    }
}
