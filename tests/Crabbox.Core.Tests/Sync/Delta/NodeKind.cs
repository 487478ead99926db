namespace Crabbox.Core.Tests.Sync.Delta;

/// <summary>What a path is, without following symbolic links.</summary>
internal enum NodeKind
{
    None,
    File,
    Directory,
    Symlink,
}
