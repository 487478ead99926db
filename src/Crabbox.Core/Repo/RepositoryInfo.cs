namespace Crabbox.Core.Repo;

/// <summary>A discovered Git checkout.</summary>
/// <param name="Root">Absolute path of the working tree root.</param>
/// <param name="Name">Repository name: from the <c>origin</c> remote, else the root folder name.</param>
/// <param name="RemoteUrl">The <c>origin</c> URL, or null.</param>
/// <param name="Head">The HEAD commit id, or null for an unborn branch.</param>
/// <param name="Branch">The current branch short name, or null when detached.</param>
public sealed record RepositoryInfo(string Root, string Name, string? RemoteUrl, string? Head, string? Branch);
