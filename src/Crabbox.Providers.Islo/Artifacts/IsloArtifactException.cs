namespace Crabbox.Providers.Islo.Artifacts;

/// <summary>A remote file could not be read for <c>--download</c> or <c>--require-artifact</c>.</summary>
internal sealed class IsloArtifactException(string message) : Exception(message)
{
    /// <summary>The file exists but is larger than <see cref="IsloArtifactFetcher.MaxBytes"/>.</summary>
    public bool TooLarge { get; init; }
}
