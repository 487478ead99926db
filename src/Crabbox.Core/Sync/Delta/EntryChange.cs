namespace Crabbox.Core.Sync.Delta;

/// <summary>Why a planner sends a manifest entry, or that it does not.</summary>
internal enum EntryChange
{
    Unchanged,
    New,
    ChangedLocally,
    ChangedRemotely,
}
