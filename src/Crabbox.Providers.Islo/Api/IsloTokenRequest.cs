using System.Text;

namespace Crabbox.Providers.Islo.Api;

/// <summary>Body of <c>POST /auth/token</c>. <see cref="ToString"/> hides the key.</summary>
internal sealed record IsloTokenRequest(string AccessKey)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccessKey = ").Append(AccessKey.Length > 0 ? IsloRedactor.Marker : "");
        return true;
    }
}
