using Crabbox.Core.Runs;

namespace Crabbox.Providers.Islo.Sync;

/// <summary>A finished sync: its total duration and the phases for <c>--timing-json</c>.</summary>
internal sealed record IsloSyncResult(TimeSpan Duration, IReadOnlyList<TimingPhase> Phases);
