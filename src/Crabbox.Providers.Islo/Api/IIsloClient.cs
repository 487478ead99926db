namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// The Islo HTTP API, one method per endpoint. Every call authenticates with a session token
/// exchanged from the API key. Failures throw <see cref="IsloAuthException"/> (exit 3, also for
/// 403), <see cref="IsloNotFoundException"/> (exit 4) or <see cref="IsloApiException"/> (exit 1;
/// transport errors too), <see cref="IsloRedirectException"/> for a refused redirect; the caller's
/// cancellation surfaces as <see cref="OperationCanceledException"/>. Messages never contain the
/// API key or session token.
/// </summary>
internal interface IIsloClient
{
    /// <summary>
    /// Creates a sandbox. Retried once on a transport error, 408, 429 or 5xx. A 409
    /// <c>SANDBOX_ALREADY_EXISTS</c> for the requested name (e.g. the first attempt did succeed)
    /// returns that existing sandbox.
    /// </summary>
    Task<IsloSandbox> CreateSandboxAsync(IsloCreateSandboxRequest request, CancellationToken cancellationToken);

    /// <summary>The sandbox named <paramref name="name"/>; 404 throws <see cref="IsloNotFoundException"/>.</summary>
    Task<IsloSandbox> GetSandboxAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every sandbox the key can see, all pages.</summary>
    Task<IReadOnlyList<IsloSandbox>> ListSandboxesAsync(CancellationToken cancellationToken);

    /// <summary>Deletes a sandbox; one that is already gone (404) counts as deleted.</summary>
    Task DeleteSandboxAsync(string name, CancellationToken cancellationToken);

    Task<IsloSandbox> PauseSandboxAsync(string name, CancellationToken cancellationToken);

    Task<IsloSandbox> ResumeSandboxAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stops the VM and keeps the sandbox record.</summary>
    Task StopSandboxAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Uploads a tar.gz and has Islo extract it into <paramref name="targetDirectory"/> (absolute).
    /// <paramref name="writeArchive"/> writes the archive straight into the request body as it
    /// uploads (nothing is buffered); it may be called again if the request must be resent (a
    /// 401 re-exchange or a same-origin 307/308), so it must be able to write the archive anew.
    /// Its own exceptions propagate unchanged.
    /// </summary>
    Task UploadArchiveAsync(
        string name,
        string targetDirectory,
        Func<Stream, CancellationToken, Task> writeArchive,
        CancellationToken cancellationToken);

    /// <summary>
    /// Runs a command and relays its output live: stdout/stderr events are written to
    /// <paramref name="stdout"/>/<paramref name="stderr"/> as they arrive. Returns the remote exit
    /// code; a stream without an <c>exit</c> event throws <see cref="IsloStreamException"/>.
    /// </summary>
    Task<int> ExecStreamAsync(
        string name,
        IsloExecRequest request,
        Stream stdout,
        Stream stderr,
        CancellationToken cancellationToken);

    /// <summary>Starts a command without streaming; poll it with <see cref="GetExecResultAsync"/>.</summary>
    Task<IsloExecStarted> ExecAsync(string name, IsloExecRequest request, CancellationToken cancellationToken);

    Task<IsloExecResult> GetExecResultAsync(string name, string execId, CancellationToken cancellationToken);

    /// <summary>Copies the file at <paramref name="path"/> (absolute) into <paramref name="destination"/>; returns the byte count.</summary>
    Task<long> DownloadFileAsync(string name, string path, Stream destination, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes <paramref name="port"/> as a public HTTPS URL. A positive <paramref name="ttl"/> is
    /// sent in whole seconds clamped to 60 s .. 7 days; null or zero lets Islo choose.
    /// </summary>
    Task<IsloShare> CreateShareAsync(string name, int port, TimeSpan? ttl, CancellationToken cancellationToken);

    /// <summary>The sandbox's active shares; an unknown sandbox (404) has none.</summary>
    Task<IReadOnlyList<IsloShare>> ListSharesAsync(string name, CancellationToken cancellationToken);
}
