namespace Crabbox.Core.Repo;

/// <summary>Finds the Git checkout that contains a directory.</summary>
public interface IRepositoryLocator
{
    /// <summary>
    /// The checkout containing <paramref name="workingDirectory"/> (searching upwards), or null
    /// when it is not inside a Git working tree (a bare repository counts as none). Callers
    /// decide whether that is an error: <c>run --no-sync</c> works outside a repository.
    /// </summary>
    /// <exception cref="CrabboxException">Exit code 6 when a repository exists but cannot be read.</exception>
    RepositoryInfo? Discover(string workingDirectory);
}
