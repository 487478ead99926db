namespace Crabbox.Core.Repo;

/// <summary>What a sync ships from a checkout, and what was left out.</summary>
public sealed record SyncManifest
{
    /// <summary>Absolute path of the working tree root the entry paths are relative to.</summary>
    public required string Root { get; init; }

    /// <summary>The entries to ship, sorted by ordinal path.</summary>
    public required IReadOnlyList<ManifestEntry> Files { get; init; }

    /// <summary>Sum of the entries' sizes.</summary>
    public required long Bytes { get; init; }

    /// <summary>Tracked paths deleted in the working tree or staged for deletion, not excluded, sorted.</summary>
    public required IReadOnlyList<string> Deleted { get; init; }

    /// <summary>
    /// The dirty delta, sorted: tracked paths changed in the working tree or the index relative to
    /// HEAD (deletions included, as <c>git diff</c> lists them) plus untracked files, after excludes.
    /// </summary>
    public required IReadOnlyList<string> Changed { get; init; }

    /// <summary>Sum of the sizes of the <see cref="Changed"/> paths that are entries.</summary>
    public required long ChangedBytes { get; init; }

    /// <summary>The exclude rules in evaluation order (built-in, config, .crabboxignore, protected).</summary>
    public required IReadOnlyList<ExcludeRule> Rules { get; init; }

    /// <summary>How many listed files the rules excluded, and by which rule.</summary>
    public required ExclusionSummary Exclusions { get; init; }

    /// <summary>Tracked regular files kept although an ambiguous built-in exclude matched them.</summary>
    public required IReadOnlyList<ProtectedTrackedFile> ProtectedTrackedFiles { get; init; }
}
