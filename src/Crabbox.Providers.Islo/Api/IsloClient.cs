using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// The typed <see cref="HttpClient"/> behind <see cref="IIsloClient"/>. The HttpClient's handler
/// must not follow redirects (<see cref="IsloHttpClients.CreateHandler"/>); this client follows
/// same-origin ones itself. Its overall timeout is switched off: each request only bounds the
/// wait for response headers (<see cref="IsloClientOptions.ResponseHeaderTimeout"/>).
/// </summary>
internal sealed class IsloClient : IIsloClient
{
    private const string Json = "application/json";

    private readonly IsloClientOptions _options;
    private readonly IsloRedactor _redactor;
    private readonly IsloConnection _connection;
    private readonly IsloRetryPolicy _retries;

    public IsloClient(HttpClient httpClient, IsloClientOptions options, TimeProvider timeProvider)
        : this(httpClient, options, timeProvider, new IsloRetryPolicy(timeProvider))
    {
    }

    internal IsloClient(HttpClient httpClient, IsloClientOptions options, TimeProvider timeProvider, IsloRetryPolicy retries)
    {
        // Uploads and exec streams run as long as the caller lets them; HttpClient's 100 s default would cut them.
        if (httpClient.Timeout != Timeout.InfiniteTimeSpan)
        {
            httpClient.Timeout = Timeout.InfiniteTimeSpan;
        }

        _options = options;
        _retries = retries;
        _redactor = new IsloRedactor(options.ApiKey);
        var sender = new IsloHttpSender(httpClient, options.ResponseHeaderTimeout, timeProvider);
        _connection = new IsloConnection(sender, new IsloSessionTokenProvider(sender, options, _redactor, timeProvider));
    }

    // POST /sandboxes
    public async Task<IsloSandbox> CreateSandboxAsync(IsloCreateSandboxRequest request, CancellationToken cancellationToken)
    {
        const string action = "create sandbox";
        var body = IsloJsonBody.Create(request, IsloJsonContext.Default.IsloCreateSandboxRequest);
        using var response = await SendAsync(_retries.Create, Compute(HttpMethod.Post, IsloRoutes.Sandboxes) with { Body = body }, action, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict && request.Name is { } name)
        {
            var error = await IsloErrors.ReadBodyAsync(response, IsloErrors.SnippetLimit, cancellationToken);
            // A create whose response was lost gets retried and then finds its own sandbox: adopt it.
            if (IsloErrors.ParseErrorBody(error)?.Code == IsloErrorCodes.SandboxAlreadyExists)
            {
                return await GetSandboxAsync(name, cancellationToken);
            }

            throw IsloErrors.FromResponse(response, action, IsloErrorStyle.Sdk, error, _redactor, IsloErrors.SnippetLimit);
        }

        await IsloErrors.EnsureSuccessAsync(response, action, IsloErrorStyle.Sdk, _redactor, cancellationToken);
        return await ReadJsonAsync(response, IsloJsonContext.Default.IsloSandbox, action, cancellationToken);
    }

    // GET /sandboxes/{name}
    public async Task<IsloSandbox> GetSandboxAsync(string name, CancellationToken cancellationToken)
    {
        const string action = "get sandbox";
        using var response = await SendAsync(_retries.Idempotent, Compute(HttpMethod.Get, IsloRoutes.Sandbox(name)), action, cancellationToken);
        await IsloErrors.EnsureSuccessAsync(response, action, IsloErrorStyle.Sdk, _redactor, cancellationToken);
        return await ReadJsonAsync(response, IsloJsonContext.Default.IsloSandbox, action, cancellationToken);
    }

    // GET /sandboxes?limit=100&offset={offset}
    public async Task<IReadOnlyList<IsloSandbox>> ListSandboxesAsync(CancellationToken cancellationToken)
    {
        const string action = "list sandboxes";
        var sandboxes = new List<IsloSandbox>();
        for (var offset = 0; ; offset += IsloRoutes.ListPageSize)
        {
            using var response = await SendAsync(_retries.Idempotent, Compute(HttpMethod.Get, IsloRoutes.SandboxList(offset)), action, cancellationToken);
            await IsloErrors.EnsureSuccessAsync(response, action, IsloErrorStyle.Sdk, _redactor, cancellationToken);
            var page = await ReadJsonOrNullAsync(response, IsloJsonContext.Default.IsloSandboxPage, action, cancellationToken);
            var items = page?.Items ?? [];
            sandboxes.AddRange(items);
            if (page is null
                || items.Count < IsloRoutes.ListPageSize
                || (page.Total > 0 && offset + items.Count >= page.Total))
            {
                return sandboxes;
            }
        }
    }

    // DELETE /sandboxes/{name}
    public async Task DeleteSandboxAsync(string name, CancellationToken cancellationToken)
    {
        const string action = "delete sandbox";
        using var response = await SendAsync(_retries.Idempotent, Compute(HttpMethod.Delete, IsloRoutes.Sandbox(name)), action, cancellationToken);
        // Islo answers 202/204 with an empty body; a sandbox that is already gone is deleted too.
        if ((int)response.StatusCode < 400 || response.StatusCode == HttpStatusCode.NotFound)
        {
            return;
        }

        var error = await IsloErrors.ReadBodyAsync(response, IsloErrors.SnippetLimit, cancellationToken);
        throw IsloErrors.FromResponse(response, action, IsloErrorStyle.Raw, error, _redactor, IsloErrors.SnippetLimit);
    }

    // POST /sandboxes/{name}/pause
    public Task<IsloSandbox> PauseSandboxAsync(string name, CancellationToken cancellationToken) =>
        PostForSandboxAsync(IsloRoutes.Pause(name), "pause sandbox", cancellationToken);

    // POST /sandboxes/{name}/resume
    public Task<IsloSandbox> ResumeSandboxAsync(string name, CancellationToken cancellationToken) =>
        PostForSandboxAsync(IsloRoutes.Resume(name), "resume sandbox", cancellationToken);

    // POST /sandboxes/{name}/stop
    public async Task StopSandboxAsync(string name, CancellationToken cancellationToken)
    {
        const string action = "stop sandbox";
        using var response = await SendAsync(null, Compute(HttpMethod.Post, IsloRoutes.Stop(name)), action, cancellationToken);
        // Not used by the Go provider; worded like its lifecycle siblings pause and resume.
        await IsloErrors.EnsureSuccessAsync(response, action, IsloErrorStyle.Sdk, _redactor, cancellationToken);
    }

    // POST /sandboxes/{name}/files-archive?path={targetDirectory}
    public async Task UploadArchiveAsync(
        string name,
        string targetDirectory,
        Func<Stream, CancellationToken, Task> writeArchive,
        CancellationToken cancellationToken)
    {
        const string action = "upload archive";
        var request = Compute(HttpMethod.Post, IsloRoutes.FilesArchive(name, targetDirectory)) with
        {
            Body = new IsloArchiveUploadBody(writeArchive),
        };
        using var response = await SendAsync(null, request, action, cancellationToken);
        if ((int)response.StatusCode >= 400)
        {
            var error = await IsloErrors.ReadBodyAsync(response, IsloErrors.LargeSnippetLimit, cancellationToken);
            throw IsloErrors.FromResponse(response, action, IsloErrorStyle.Raw, error, _redactor, IsloErrors.LargeSnippetLimit);
        }
    }

    // POST /sandboxes/{name}/exec/stream
    public async Task<int> ExecStreamAsync(
        string name,
        IsloExecRequest request,
        Stream stdout,
        Stream stderr,
        CancellationToken cancellationToken)
    {
        const string action = "exec stream";
        var body = IsloJsonBody.Create(WithoutEmptyEnv(request), IsloJsonContext.Default.IsloExecRequest);
        var message = Compute(HttpMethod.Post, IsloRoutes.ExecStream(name), "text/event-stream") with { Body = body };
        using var response = await SendAsync(null, message, action, cancellationToken);
        await IsloErrors.EnsureSuccessAsync(response, action, IsloErrorStyle.Raw, _redactor, cancellationToken);
        try
        {
            await using var events = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await IsloSseReader.RelayAsync(events, stdout, stderr, _redactor.Redact, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw IsloErrors.Transport(action, ex, _redactor);
        }
    }

    // POST /sandboxes/{name}/exec
    public async Task<IsloExecStarted> ExecAsync(string name, IsloExecRequest request, CancellationToken cancellationToken)
    {
        const string action = "exec";
        var body = IsloJsonBody.Create(WithoutEmptyEnv(request), IsloJsonContext.Default.IsloExecRequest);
        using var response = await SendAsync(null, Compute(HttpMethod.Post, IsloRoutes.Exec(name)) with { Body = body }, action, cancellationToken);
        // Not used by the Go provider; a plain JSON call like those it made through the SDK.
        await IsloErrors.EnsureSuccessAsync(response, action, IsloErrorStyle.Sdk, _redactor, cancellationToken);
        return await ReadJsonAsync(response, IsloJsonContext.Default.IsloExecStarted, action, cancellationToken);
    }

    // GET /sandboxes/{name}/exec/{execId}
    public async Task<IsloExecResult> GetExecResultAsync(string name, string execId, CancellationToken cancellationToken)
    {
        const string action = "exec";
        using var response = await SendAsync(_retries.Idempotent, Compute(HttpMethod.Get, IsloRoutes.ExecResult(name, execId)), action, cancellationToken);
        // Not used by the Go provider; a plain JSON call like those it made through the SDK.
        await IsloErrors.EnsureSuccessAsync(response, action, IsloErrorStyle.Sdk, _redactor, cancellationToken);
        return await ReadJsonAsync(response, IsloJsonContext.Default.IsloExecResult, action, cancellationToken);
    }

    // GET /sandboxes/{name}/files?path={path}
    public async Task<long> DownloadFileAsync(string name, string path, Stream destination, CancellationToken cancellationToken)
    {
        const string action = "download file";
        var request = Compute(HttpMethod.Get, IsloRoutes.Files(name, path), "*/*");
        using var response = await SendAsync(_retries.Idempotent, request, action, cancellationToken);
        // Not used by the Go provider; a raw byte stream like the files-archive upload.
        await IsloErrors.EnsureSuccessAsync(response, action, IsloErrorStyle.Raw, _redactor, cancellationToken);
        try
        {
            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await CopyAsync(source, destination, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw IsloErrors.Transport(action, ex, _redactor);
        }
    }

    // POST /sandboxes/{name}/shares
    public async Task<IsloShare> CreateShareAsync(string name, int port, TimeSpan? ttl, CancellationToken cancellationToken)
    {
        const string action = "create share";
        var share = new IsloCreateShareRequest { Port = port, TtlSeconds = ShareTtlSeconds(ttl) };
        var body = IsloJsonBody.Create(share, IsloJsonContext.Default.IsloCreateShareRequest);
        using var response = await SendAsync(null, Compute(HttpMethod.Post, IsloRoutes.Shares(name)) with { Body = body }, action, cancellationToken);
        await IsloErrors.EnsureSuccessAsync(response, action, IsloErrorStyle.Raw, _redactor, cancellationToken, IsloErrors.LargeSnippetLimit);
        return await ReadJsonAsync(response, IsloJsonContext.Default.IsloShare, action, cancellationToken);
    }

    // GET /sandboxes/{name}/shares
    public async Task<IReadOnlyList<IsloShare>> ListSharesAsync(string name, CancellationToken cancellationToken)
    {
        const string action = "list shares";
        using var response = await SendAsync(_retries.Idempotent, Compute(HttpMethod.Get, IsloRoutes.Shares(name)), action, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        await IsloErrors.EnsureSuccessAsync(response, action, IsloErrorStyle.Raw, _redactor, cancellationToken, IsloErrors.LargeSnippetLimit);
        return await ReadJsonOrNullAsync(response, IsloJsonContext.Default.IReadOnlyListIsloShare, action, cancellationToken) ?? [];
    }

    /// <summary>Islo accepts share TTLs of 60 s .. 7 days; whole seconds, snapped into that range.</summary>
    internal static int? ShareTtlSeconds(TimeSpan? ttl) =>
        ttl is { } value && value > TimeSpan.Zero
            ? (int)Math.Clamp((long)value.TotalSeconds, 60, (long)TimeSpan.FromDays(7).TotalSeconds)
            : null;

    private static async Task<long> CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }

        return total;
    }

    private static IsloExecRequest WithoutEmptyEnv(IsloExecRequest request) =>
        request.Env is { Count: 0 } ? request with { Env = null } : request;

    private async Task<IsloSandbox> PostForSandboxAsync(string route, string action, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(null, Compute(HttpMethod.Post, route), action, cancellationToken);
        await IsloErrors.EnsureSuccessAsync(response, action, IsloErrorStyle.Sdk, _redactor, cancellationToken);
        return await ReadJsonAsync(response, IsloJsonContext.Default.IsloSandbox, action, cancellationToken);
    }

    private IsloRequest Compute(HttpMethod method, string route, string accept = Json) =>
        new(method, IsloRoutes.Combine(_options.ComputeUrl, route), accept);

    private async Task<HttpResponseMessage> SendAsync(
        ResiliencePipeline<HttpResponseMessage>? pipeline,
        IsloRequest request,
        string action,
        CancellationToken cancellationToken)
    {
        try
        {
            return pipeline is null
                ? await _connection.SendAsync(request, cancellationToken)
                : await pipeline.ExecuteAsync(
                    static async (state, token) => await state.Connection.SendAsync(state.Request, token),
                    (Connection: _connection, Request: request),
                    cancellationToken);
        }
        catch (Exception) when (request.Body is IsloArchiveUploadBody { LastContent.ArchiveFailure: { } archiveFailure })
        {
            archiveFailure.Throw();
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            throw IsloErrors.Transport(action, ex, _redactor);
        }
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string action, CancellationToken cancellationToken)
        where T : class =>
        await ReadJsonOrNullAsync(response, typeInfo, action, cancellationToken)
            ?? throw new IsloApiException(response.StatusCode, null, $"islo {action}: empty response");

    private async Task<T?> ReadJsonOrNullAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string action, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new IsloApiException(response.StatusCode, null, $"islo {action}: decode response: {IsloErrors.Describe(ex, _redactor)}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw IsloErrors.Transport(action, ex, _redactor);
        }
    }
}
