using Crabbox.Core.Providers;

namespace Crabbox.Core.Output;

/// <summary>One row of <c>crabbox pond peers</c>: a sandbox of the pond and one of its URLs, if it has any.</summary>
/// <param name="LeaseId">The lease id (<c>isb_...</c>).</param>
/// <param name="Slug">The friendly name.</param>
/// <param name="Sandbox">The provider's sandbox name.</param>
/// <param name="Target">The URL; null for a sandbox with none (shown in the text table only).</param>
public sealed record PeerView(string LeaseId, string Slug, string Sandbox, PeerTarget? Target);
