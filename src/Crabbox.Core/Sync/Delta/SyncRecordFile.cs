namespace Crabbox.Core.Sync.Delta;

/// <summary>A record file read by <see cref="SyncRecordStore.OpenAsync"/>: its header is parsed, its entries not yet.</summary>
public sealed class SyncRecordFile
{
    private readonly byte[] _bytes;

    internal SyncRecordFile(byte[] bytes, IReadOnlyList<string> pruneNames)
    {
        _bytes = bytes;
        PruneNames = pruneNames;
    }

    /// <summary>The names the recorded listing pruned (<see cref="SyncRecord.PruneNames"/>).</summary>
    public IReadOnlyList<string> PruneNames { get; }

    /// <summary>The whole record, or null when its entries are invalid despite the checksum (then there is no usable record).</summary>
    public SyncRecord? Read()
    {
        try
        {
            return SyncRecordFormat.Read(_bytes);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
