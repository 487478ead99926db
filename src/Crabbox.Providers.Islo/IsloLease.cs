namespace Crabbox.Providers.Islo;

/// <summary>A resolved crabbox lease on Islo: its id (<c>isb_&lt;name&gt;</c>), sandbox name and slug.</summary>
/// <param name="LeaseId">The lease id.</param>
/// <param name="Name">The sandbox name (the id without <c>isb_</c>).</param>
/// <param name="Slug">The claim's slug, or the one generated from the lease id.</param>
/// <param name="Claimed">Whether an exact local claim of this provider exists for it.</param>
internal sealed record IsloLease(string LeaseId, string Name, string Slug, bool Claimed);
