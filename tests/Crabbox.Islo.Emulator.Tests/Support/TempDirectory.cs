namespace Crabbox.Islo.Emulator.Tests.Support;

/// <summary>A unique folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("islo-emu-test-").FullName;
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a process that is still exiting may hold a folder for a moment.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
