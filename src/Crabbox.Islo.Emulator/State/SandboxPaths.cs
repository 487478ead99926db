namespace Crabbox.Islo.Emulator.State;

/// <summary>The folders and files of one sandbox: <c>sandbox.json</c>, <c>workspace/</c>, <c>tmp/</c>, <c>home/</c>.</summary>
internal sealed class SandboxPaths(string directory)
{
    public string Directory { get; } = directory;

    public string Metadata => Path.Combine(Directory, "sandbox.json");

    public string LockFile => Path.Combine(Directory, ".lock");

    public string Workspace => Path.Combine(Directory, "workspace");

    public string Tmp => Path.Combine(Directory, "tmp");

    public string Home => Path.Combine(Directory, "home");

    /// <summary>Archive uploads are extracted here first; it is never visible inside the sandbox.</summary>
    public string Staging => Path.Combine(Directory, "staging");

    public void CreateFolders()
    {
        System.IO.Directory.CreateDirectory(Directory, StateLayout.FolderMode);
        File.SetUnixFileMode(Directory, StateLayout.FolderMode);
        System.IO.Directory.CreateDirectory(Workspace);
        System.IO.Directory.CreateDirectory(Tmp);
        System.IO.Directory.CreateDirectory(Home);
        System.IO.Directory.CreateDirectory(Staging);
    }
}
