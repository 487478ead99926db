namespace Crabbox.Core.Repo;

/// <summary>Reads <c>&lt;root&gt;/.crabboxignore</c> (exact name, root only).</summary>
internal static class CrabboxIgnoreFile
{
    public const string FileName = ".crabboxignore";

    /// <summary>The file's lines, or none when it does not exist.</summary>
    /// <exception cref="CrabboxException">Exit code 2 when the file exists but cannot be read.</exception>
    public static async Task<IReadOnlyList<string>> ReadLinesAsync(string root, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, FileName);
        try
        {
            return await File.ReadAllLinesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CrabboxException.Usage($"read {path}: {ex.Message}; fix its permissions or remove it");
        }
    }
}
