namespace Crabbox.Core.Repo;

/// <summary>A path in Git's index with its octal mode (<c>100644</c>, <c>100755</c>, <c>120000</c>, <c>160000</c>).</summary>
internal readonly record struct GitIndexEntry(string Path, int Mode)
{
    public const int RegularFileMode = 0x81A4;     // 0100644
    public const int ExecutableFileMode = 0x81ED;  // 0100755
    public const int GitlinkMode = 0xE000;         // 0160000

    /// <summary>A submodule commit pointer; its contents are never synced.</summary>
    public bool IsGitlink => Mode == GitlinkMode;

    public bool IsRegularFile => Mode is RegularFileMode or ExecutableFileMode;
}
