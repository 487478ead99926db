using Crabbox.Core.Repo;
using Crabbox.Core.Sync.Delta;

namespace Crabbox.Core.Tests.Sync.Delta;

/// <summary>What one harness sync saw and did.</summary>
/// <param name="Manifest">The manifest the sync shipped.</param>
/// <param name="Previous">The record it started from (null: none).</param>
/// <param name="Before">The listing taken before planning.</param>
/// <param name="Plan">The plan it applied.</param>
/// <param name="Hashes">The local hashing result.</param>
/// <param name="Result">The record it saved; null when the plan was empty (nothing saved).</param>
internal sealed record SyncPass(
    SyncManifest Manifest, SyncRecord? Previous, RemoteSnapshot Before, DeltaPlan Plan, LocalHashResult Hashes, SyncRecordBuildResult? Result);
