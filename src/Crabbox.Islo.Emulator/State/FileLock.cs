namespace Crabbox.Islo.Emulator.State;

/// <summary>
/// An exclusive advisory lock on a file, shared by every host on the same state directory
/// (on Unix, .NET takes <c>flock</c> for <see cref="FileShare.None"/>).
/// </summary>
internal sealed class FileLock : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    public static async Task<FileLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        var delay = 2;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(path))
            {
                await Task.Delay(delay, cancellationToken);
                delay = Math.Min(delay * 2, 50);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
