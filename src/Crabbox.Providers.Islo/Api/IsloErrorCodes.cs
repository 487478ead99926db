namespace Crabbox.Providers.Islo.Api;

/// <summary>Islo error <c>code</c> values the client acts on (the set is open-ended).</summary>
internal static class IsloErrorCodes
{
    public const string SandboxAlreadyExists = "SANDBOX_ALREADY_EXISTS";

    public const string SandboxNotFound = "SANDBOX_NOT_FOUND";
}
