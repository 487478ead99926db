using System.Formats.Tar;
using System.IO.Compression;
using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Archives;

/// <summary>
/// Extracts an uploaded tar.gz safely: everything goes into a private staging folder first
/// (absolute names, <c>..</c>, writes through links and links leaving the target are refused),
/// and only a fully valid archive is moved into the target folder. A refused archive writes
/// nothing to the target. Modes (the exec bit) and symbolic links are kept; setuid/setgid are
/// dropped; hard links become copies, and only of a regular file this archive wrote earlier and
/// has not replaced since, reached without passing through a link.
/// </summary>
internal sealed class SafeTarExtractor(string stagingRoot, string targetSandboxPath)
{
    private const UnixFileMode OwnerAll = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Dropped = UnixFileMode.SetUser | UnixFileMode.SetGroup;
    private readonly Dictionary<string, UnixFileMode> _directoryModes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);

    /// <summary>Reads the whole archive into the staging folder; throws <see cref="ArchiveRejectedException"/> when it is unsafe or unreadable.</summary>
    public async Task ExtractAsync(Stream gzipped, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(stagingRoot);
        try
        {
            await using var gzip = new GZipStream(gzipped, CompressionMode.Decompress, leaveOpen: true);
            await using var reader = new TarReader(gzip, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                await ExtractEntryAsync(entry, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new ArchiveRejectedException($"not a valid tar.gz archive: {exception.Message}");
        }

        foreach (var (path, target) in _links)
        {
            if (DirectoryTree.IsSymbolicLink(Path.Combine(stagingRoot, path)) && SymbolicLinkCheck.Escapes(stagingRoot, path, target, targetSandboxPath))
            {
                throw new ArchiveRejectedException($"symbolic link {path} -> {target} resolves outside {targetSandboxPath}");
            }
        }
    }

    /// <summary>Moves the staged tree into <paramref name="targetDirectory"/>, replacing what is there and never following its links.</summary>
    public void MoveInto(string targetDirectory)
    {
        Merge(stagingRoot, targetDirectory);
        foreach (var (path, mode) in _directoryModes.OrderByDescending(static pair => pair.Key.Length))
        {
            var directory = new DirectoryInfo(Path.Combine(targetDirectory, path));
            if (directory.Exists && directory.LinkTarget is null)
            {
                directory.UnixFileMode = mode & ~Dropped;
            }
        }
    }

    private async Task ExtractEntryAsync(TarEntry entry, CancellationToken cancellationToken)
    {
        if (entry.EntryType is TarEntryType.GlobalExtendedAttributes)
        {
            return;
        }

        if (ArchivePath.Normalize(entry.Name) is not { } path)
        {
            return;
        }

        var destination = PrepareDestination(path, entry.EntryType == TarEntryType.Directory);
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                Directory.CreateDirectory(destination);
                File.SetUnixFileMode(destination, (entry.Mode | OwnerAll) & ~Dropped);
                _directoryModes[path] = entry.Mode;
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                await WriteFileAsync(entry, destination, cancellationToken);
                _files.Add(path);
                break;
            case TarEntryType.SymbolicLink:
                if (string.IsNullOrEmpty(entry.LinkName))
                {
                    throw new ArchiveRejectedException($"symbolic link {path} has no target");
                }

                File.CreateSymbolicLink(destination, entry.LinkName);
                _links[path] = entry.LinkName;
                break;
            case TarEntryType.HardLink:
                CopyHardLink(path, entry.LinkName, destination);
                _files.Add(path);
                break;
            default:
                throw new ArchiveRejectedException($"entry {path} has unsupported type {entry.EntryType}");
        }
    }

    /// <summary>Creates the parents of <paramref name="path"/> in staging (refusing to pass through a link) and clears its old entry.</summary>
    private string PrepareDestination(string path, bool isDirectory)
    {
        var parts = ArchivePath.Split(path);
        var current = stagingRoot;
        for (var index = 0; index < parts.Count - 1; index++)
        {
            var part = parts[index];
            current = Path.Combine(current, part);
            if (DirectoryTree.IsSymbolicLink(current))
            {
                throw new ArchiveRejectedException($"entry {path} would be written through the symbolic link {part}");
            }

            if (File.Exists(current))
            {
                File.Delete(current);
                _files.Remove(string.Join('/', parts.Take(index + 1)));
            }

            Directory.CreateDirectory(current);
        }

        var destination = Path.Combine(stagingRoot, path);
        if (DirectoryTree.Exists(destination) && !(isDirectory && Directory.Exists(destination) && !DirectoryTree.IsSymbolicLink(destination)))
        {
            var wasDirectory = Directory.Exists(destination) && !DirectoryTree.IsSymbolicLink(destination);
            DirectoryTree.Delete(destination);
            _links.Remove(path);
            _files.Remove(path);
            if (wasDirectory)
            {
                var prefix = path + "/";
                _files.RemoveWhere(file => file.StartsWith(prefix, StringComparison.Ordinal));
            }
        }

        return destination;
    }

    private static async Task WriteFileAsync(TarEntry entry, string destination, CancellationToken cancellationToken)
    {
        await using (var file = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            if (entry.DataStream is { } data)
            {
                await data.CopyToAsync(file, cancellationToken);
            }
        }

        File.SetUnixFileMode(destination, entry.Mode & ~Dropped);
        File.SetLastWriteTimeUtc(destination, entry.ModificationTime.UtcDateTime);
    }

    /// <summary>
    /// Copies the source of a hard link. File.Copy follows links in every component, so the source
    /// must be a file this archive wrote (and still holds), with no link anywhere on its path.
    /// </summary>
    private void CopyHardLink(string path, string linkName, string destination)
    {
        if (ArchivePath.Normalize(linkName) is not { } source
            || !_files.Contains(source)
            || PassesThroughLink(source)
            || !IsRegularFile(Path.Combine(stagingRoot, source)))
        {
            throw new ArchiveRejectedException($"hard link {path} -> {linkName} does not name an earlier file of the archive");
        }

        File.Copy(Path.Combine(stagingRoot, source), destination);
    }

    /// <summary>Whether a folder on the way to <paramref name="path"/>, or the path itself, is a symbolic link.</summary>
    private bool PassesThroughLink(string path)
    {
        var current = stagingRoot;
        foreach (var part in ArchivePath.Split(path))
        {
            current = Path.Combine(current, part);
            if (DirectoryTree.IsSymbolicLink(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRegularFile(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null && (info.Attributes & (FileAttributes.Directory | FileAttributes.Device)) == 0;
    }

    private static void Merge(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(destination, entry.Name);
            var isDirectory = entry is DirectoryInfo && entry.LinkTarget is null;
            if (isDirectory && Directory.Exists(target) && !DirectoryTree.IsSymbolicLink(target))
            {
                Merge(entry.FullName, target);
                continue;
            }

            if (DirectoryTree.Exists(target))
            {
                DirectoryTree.Delete(target);
            }

            NativeFileSystem.Rename(entry.FullName, target);
        }
    }
}
