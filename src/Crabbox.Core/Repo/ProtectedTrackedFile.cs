namespace Crabbox.Core.Repo;

/// <summary>A tracked regular file kept although the ambiguous built-in <paramref name="Pattern"/> matched it.</summary>
public sealed record ProtectedTrackedFile(string Path, string Pattern);
