namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>One call a <see cref="FakeIsloClient"/> received: the method, the sandbox and the request payload (if any).</summary>
internal sealed record FakeCall(string Method, string? Sandbox, object? Payload = null, bool TokenCancelable = false);
