using Crabbox.Core.Repo;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>The checkout's manifest, built and checked against the guardrails before any sandbox work.</summary>
/// <param name="Manifest">What the sync ships.</param>
/// <param name="ManifestTime">How long listing the files took.</param>
/// <param name="PreflightTime">How long the guardrail check took.</param>
internal sealed record IsloSyncSource(SyncManifest Manifest, TimeSpan ManifestTime, TimeSpan PreflightTime);
