namespace Crabbox.Core.Runs;

/// <summary>A <c>--download remote=local</c> pair: a file in the remote workspace and where to write it.</summary>
public sealed record DownloadSpec(string RemotePath, string LocalPath);
