using System.Buffers;
using Crabbox.Core.Output;
using Crabbox.Core.Repo;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// The one remote command that lists a workspace, and the names of the heavy directories it may skip.
/// <para>
/// The script runs GNU <c>find</c> over the whole workspace and prints, for every file, directory,
/// symbolic link and other node, six NUL-terminated fields: type (<c>%y</c>), octal mode (<c>%m</c>),
/// size (<c>%s</c>), mtime with fraction (<c>%T@</c>), the workspace-relative path (<c>%P</c>) and
/// the link target (<c>%l</c>, empty for non-links). So that any byte survives a text transport, the
/// records are gzip-compressed (when <c>gzip</c> exists) and base64-encoded between a header line
/// <c>crabbox-listing-v1 listed gzip|raw</c> and an end line <c>crabbox-listing-end</c>; anything a
/// login shell prints around them is ignored. A missing workspace prints
/// <c>crabbox-listing-v1 missing</c>; a <c>find</c> without <c>-printf</c> prints
/// <c>crabbox-listing-v1 unsupported</c> (both exit 0, and both mean a full sync).
/// </para>
/// <para>
/// Why a whole-tree walk rather than stat-ing only the recorded paths: the paths would have to travel
/// inside the command (one argument is capped at 128 KiB by Linux, far below 20,000 paths), and the
/// walk also reveals what the remote created in the way of an upload (a directory where a file goes, a
/// symbolic link where a directory goes), which a path-by-path stat cannot. The walk is kept cheap by
/// pruning directories named by crabbox's own literal exclude rules (<c>node_modules</c>, <c>.venv</c>,
/// <c>target</c>, ...): the pruned directory itself is listed, never its content, and a name is pruned
/// only when no manifest or recorded path has a component with that name, so nothing crabbox syncs or
/// synced is ever hidden.
/// </para>
/// </summary>
public static class RemoteListing
{
    public const string Header = "crabbox-listing-v1";
    public const string EndMarker = "crabbox-listing-end";

    private static readonly SearchValues<char> s_globCharacters = SearchValues.Create("*?[]\\");

    /// <summary>The bash script that lists <paramref name="workspace"/> (absolute), pruning directories named <paramref name="pruneDirectoryNames"/>.</summary>
    public static string Script(string workspace, IEnumerable<string> pruneDirectoryNames)
    {
        DeltaScripts.RequireAbsolute(workspace);
        var names = pruneDirectoryNames.ToList();
        var prune = names.Count == 0
            ? string.Empty
            : "\\( -type d \\( " + string.Join(" -o ", names.Select(name => "-name " + ShellQuote.Quote(name))) + " \\) -prune -o -true \\) ";
        return $$"""
            export LC_ALL=C
            crabbox_ws={{ShellQuote.Quote(workspace)}}
            if [ ! -d "$crabbox_ws" ]; then echo '{{Header}} missing'; exit 0; fi
            cd -- "$crabbox_ws" || exit 1
            if ! find . -maxdepth 0 -printf '' >/dev/null 2>&1; then echo '{{Header}} unsupported'; exit 0; fi
            if command -v gzip >/dev/null 2>&1; then crabbox_zip='gzip -1'; crabbox_enc=gzip; else crabbox_zip=cat; crabbox_enc=raw; fi
            echo "{{Header}} listed $crabbox_enc"
            find . -mindepth 1 {{prune}}-printf '%y\0%m\0%s\0%T@\0%P\0%l\0' 2>/dev/null | $crabbox_zip | base64
            echo '{{EndMarker}}'

            """;
    }

    /// <summary>
    /// A listing of just what a delta sent, for the record after a small upload: the script lists
    /// <paramref name="plan"/>'s upload paths and all their parent directories, each <c>lstat</c>-ed as
    /// a path of its own (nothing is walked), in <see cref="Script"/>'s output format; parse it with
    /// <see cref="ParsePaths"/> and combine it with the plan's listing using <see cref="AfterUpload"/>.
    /// Null when the paths do not fit in one exec argument (then list the whole workspace again).
    /// </summary>
    public static string? UploadScript(string workspace, DeltaPlan plan)
    {
        DeltaScripts.RequireAbsolute(workspace);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in plan.Upload)
        {
            paths.Add(entry.Path);
            for (var slash = entry.Path.IndexOf('/'); slash >= 0; slash = entry.Path.IndexOf('/', slash + 1))
            {
                paths.Add(entry.Path[..slash]);
            }
        }

        var arguments = string.Join(' ', paths.Select(path => ShellQuote.Quote("./" + path)));
        var script = $$"""
            export LC_ALL=C
            crabbox_ws={{ShellQuote.Quote(workspace)}}
            if [ ! -d "$crabbox_ws" ]; then echo '{{Header}} missing'; exit 0; fi
            cd -- "$crabbox_ws" || exit 1
            if command -v gzip >/dev/null 2>&1; then crabbox_zip='gzip -1'; crabbox_enc=gzip; else crabbox_zip=cat; crabbox_enc=raw; fi
            echo "{{Header}} listed $crabbox_enc"
            find {{arguments}} -maxdepth 0 -printf '%y\0%m\0%s\0%T@\0%p\0%l\0' 2>/dev/null | $crabbox_zip | base64
            echo '{{EndMarker}}'

            """;
        return System.Text.Encoding.UTF8.GetByteCount(script) <= DeltaScripts.MaxScriptBytes ? script : null;
    }

    /// <summary>Parses what <see cref="UploadScript"/> printed (its paths come back relative, without <c>./</c>).</summary>
    /// <exception cref="FormatException">As <see cref="Parse"/>.</exception>
    public static RemoteSnapshot ParsePaths(string output)
    {
        var snapshot = Parse(output);
        return snapshot with
        {
            Entries = [.. snapshot.Entries
                .Where(entry => entry.Path.StartsWith("./", StringComparison.Ordinal))
                .Select(entry => entry with { Path = entry.Path[2..] })],
        };
    }

    /// <summary>
    /// The workspace after a delta, as far as <see cref="SyncRecordBuilder.Build"/> needs it: the
    /// listing the plan was made from, with every uploaded path replaced by what
    /// <paramref name="uploaded"/> (the <see cref="UploadScript"/> listing) shows, or dropped when it
    /// is missing there or a parent of it is not a directory (so it is recorded as unconfirmed). The
    /// plan's removals touch no other manifest path, so those keep their earlier observations.
    /// </summary>
    public static RemoteSnapshot AfterUpload(RemoteSnapshot before, DeltaPlan plan, RemoteSnapshot uploaded)
    {
        var listed = new Dictionary<string, RemoteEntry>(uploaded.Entries.Count, StringComparer.Ordinal);
        foreach (var entry in uploaded.Entries)
        {
            listed[entry.Path] = entry;
        }

        var entries = new Dictionary<string, RemoteEntry>(before.Entries.Count, StringComparer.Ordinal);
        foreach (var entry in before.Entries)
        {
            entries[entry.Path] = entry;
        }

        foreach (var upload in plan.Upload)
        {
            entries.Remove(upload.Path);
            if (listed.TryGetValue(upload.Path, out var now) && ParentsAreDirectories(upload.Path, listed))
            {
                entries[upload.Path] = now;
            }
        }

        return new RemoteSnapshot { Status = RemoteSnapshotStatus.Listed, Entries = [.. entries.Values] };
    }

    private static bool ParentsAreDirectories(string path, Dictionary<string, RemoteEntry> listed)
    {
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            if (!listed.TryGetValue(path[..slash], out var parent) || parent.Kind != RemoteEntryKind.Directory)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The directory names the listing may prune: <c>.git</c> and every literal, unanchored,
    /// non-negated exclude rule of <paramref name="manifest"/>, minus any name that is a component of a
    /// manifest path or of a <paramref name="previous"/> record path. Sorted.
    /// </summary>
    public static IReadOnlyList<string> PruneNames(SyncManifest manifest, SyncRecord? previous)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal) { ".git" };
        foreach (var rule in manifest.Rules)
        {
            if (ExcludePattern.Parse(rule.Pattern) is { Negated: false, LiteralComponent: { } name }
                && name is not ("." or "..")
                && !name.AsSpan().ContainsAny(s_globCharacters))
            {
                candidates.Add(name);
            }
        }

        var lookup = candidates.GetAlternateLookup<ReadOnlySpan<char>>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        void MarkUsed(string path)
        {
            var span = path.AsSpan();
            foreach (var range in span.Split('/'))
            {
                if (lookup.TryGetValue(span[range], out var name))
                {
                    used.Add(name);
                }
            }
        }

        foreach (var entry in manifest.Files)
        {
            MarkUsed(entry.Path);
        }

        foreach (var entry in previous?.Entries ?? [])
        {
            MarkUsed(entry.Path);
        }

        return [.. candidates.Except(used).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// True when a listing that pruned <paramref name="listedWith"/> is complete for a sync whose
    /// <see cref="PruneNames"/> are <paramref name="needed"/>: it pruned nothing the sync must see
    /// (pruning fewer names only lists more).
    /// </summary>
    public static bool Covers(IEnumerable<string> listedWith, IReadOnlyCollection<string> needed) =>
        listedWith.All(name => needed.Contains(name, StringComparer.Ordinal));

    /// <summary>Parses what <see cref="Script"/> printed.</summary>
    /// <exception cref="FormatException">
    /// The output holds no listing (no header, no end marker, bad base64 or gzip, a malformed record).
    /// The caller should treat that as "no listing" (a full sync) and warn.
    /// </exception>
    public static RemoteSnapshot Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);

        // Walks the lines in place: the listing of a large workspace is hundreds of KiB of base64,
        // which the decoder reads straight from the output (it skips the line breaks itself).
        var text = output.AsSpan();
        var position = 0;
        ReadOnlySpan<char> header = default;
        var found = false;
        while (!found && NextLine(text, ref position, out var line))
        {
            if (line.StartsWith(Header + " ", StringComparison.Ordinal))
            {
                header = line;
                found = true;
            }
        }

        if (!found)
        {
            throw new FormatException("remote listing: no listing header in the output");
        }

        var encoding = header[(Header.Length + 1)..];
        switch (encoding)
        {
            case "missing":
                return RemoteSnapshot.Missing;
            case "unsupported":
                return RemoteSnapshot.Unsupported;
            case "listed gzip" or "listed raw":
                break;
            default:
                throw new FormatException($"remote listing: unexpected header \"{header}\"");
        }

        var bodyStart = position;
        var bodyEnd = -1;
        while (NextLine(text, ref position, out var line, out var lineStart))
        {
            if (line.SequenceEqual(EndMarker))
            {
                bodyEnd = lineStart;
                break;
            }
        }

        if (bodyEnd < 0)
        {
            throw new FormatException("remote listing: output ends before the end marker");
        }

        var body = text[bodyStart..bodyEnd];
        var payload = new byte[(body.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64Chars(body, payload, out var written))
        {
            throw new FormatException("remote listing: invalid base64");
        }

        ReadOnlySpan<byte> records = encoding is "listed gzip" ? RemoteListingRecords.Gunzip(payload, written).Span : payload.AsSpan(0, written);
        return new RemoteSnapshot { Status = RemoteSnapshotStatus.Listed, Entries = RemoteListingRecords.Parse(records) };
    }

    private static bool NextLine(ReadOnlySpan<char> text, scoped ref int position, out ReadOnlySpan<char> line) =>
        NextLine(text, ref position, out line, out _);

    // One line of text without its terminator (\n, \r\n or \r, as ReplaceLineEndings reads them); false at the end.
    private static bool NextLine(ReadOnlySpan<char> text, scoped ref int position, out ReadOnlySpan<char> line, out int lineStart)
    {
        lineStart = position;
        if (position >= text.Length)
        {
            line = default;
            return false;
        }

        var rest = text[position..];
        var length = rest.IndexOfAny('\n', '\r');
        if (length < 0)
        {
            line = rest;
            position = text.Length;
            return true;
        }

        line = rest[..length];
        position += length + (rest[length] == '\r' && length + 1 < rest.Length && rest[length + 1] == '\n' ? 2 : 1);
        return true;
    }
}
