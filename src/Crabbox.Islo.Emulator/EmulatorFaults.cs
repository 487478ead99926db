namespace Crabbox.Islo.Emulator;

/// <summary>Failures the emulator injects on purpose, so clients can test their fallback paths.</summary>
public sealed record EmulatorFaults
{
    /// <summary>
    /// When true, <c>POST /sandboxes/{name}/files-archive</c> drains the upload and answers
    /// 500 <c>INTERNAL_ERROR</c> without extracting anything.
    /// </summary>
    public bool FailFilesArchiveUpload { get; init; }
}
