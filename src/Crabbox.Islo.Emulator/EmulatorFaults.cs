namespace Crabbox.Islo.Emulator;

/// <summary>Failures the emulator injects on purpose, so clients can test their fallback paths.</summary>
public sealed record EmulatorFaults
{
    /// <summary>
    /// When true, <c>POST /sandboxes/{name}/files-archive</c> drains the upload and answers
    /// 500 <c>INTERNAL_ERROR</c> without extracting anything.
    /// </summary>
    public bool FailFilesArchiveUpload { get; init; }

    /// <summary>
    /// Test hook: runs after a <c>files-archive</c> upload is extracted and before it is moved into
    /// the sandbox (outside the sandbox lock), with the sandbox name, so a race can be staged.
    /// </summary>
    internal Func<string, CancellationToken, Task>? BeforeArchiveMove { get; init; }
}
