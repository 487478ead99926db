using Crabbox.Core.Runs;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>A finished sync: its total duration, the phases for <c>--timing-json</c>, and whether nothing needed sending.</summary>
internal sealed record IsloSyncResult(TimeSpan Duration, IReadOnlyList<TimingPhase> Phases, bool Skipped = false);
