using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Crabbox.Islo.Emulator.State;

/// <summary>
/// JSON files written to a temporary name and renamed into place, so readers never see half a file.
/// They are owner-only (0600): sandbox metadata holds the sandbox's environment.
/// </summary>
internal static class AtomicJsonFile
{
    private static readonly FileStreamOptions s_writeOptions = new()
    {
        Mode = FileMode.CreateNew,
        Access = FileAccess.Write,
        Share = FileShare.None,
        BufferSize = 4096,
        Options = FileOptions.Asynchronous,
        UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
    };

    public static async Task WriteAsync<T>(string path, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, s_writeOptions))
            {
                await JsonSerializer.SerializeAsync(stream, value, typeInfo, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads the file, or returns null when it does not exist (or vanished with its folder).</summary>
    public static async Task<T?> ReadAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
            return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
