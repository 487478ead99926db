using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Crabbox.Islo.Emulator.Tests.Support;

/// <summary>A bearer-authenticated HttpClient for one emulator host, with helpers that speak the raw wire format.</summary>
internal sealed class IsloTestClient : IDisposable
{
    private IsloTestClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static async Task<IsloTestClient> CreateAsync(IsloEmulatorHost host, CancellationToken cancellationToken)
    {
        var http = NewHttpClient(host);
        using var body = JsonBody(JsonSerializer.Serialize(new Dictionary<string, string> { ["access_key"] = host.ApiKey }));
        using var response = await http.PostAsync("auth/token", body, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("session_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new IsloTestClient(http);
    }

    public static HttpClient NewHttpClient(IsloEmulatorHost host) =>
        new() { BaseAddress = host.BaseUrl, Timeout = TestTimeouts.Ceiling };

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = JsonBody(json);
        }

        using var response = await Http.SendAsync(request, TestTimeouts.Token());
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(TestTimeouts.Token()), response.Content.Headers.ContentType?.MediaType);
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResponse> PostAsync(string path, string? json = null) => SendAsync(HttpMethod.Post, path, json);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>Creates a sandbox with a unique name (prefix + random) and returns its name.</summary>
    public async Task<string> CreateSandboxAsync(string prefix = "t", string extraJson = "")
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
        var response = await PostAsync("sandboxes", $$"""{"name":"{{name}}"{{extraJson}}}""");
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return name;
    }

    /// <summary>Runs a command over <c>exec/stream</c> and reads the whole stream.</summary>
    public async Task<ServerSentEventStream> StreamAsync(string sandbox, IReadOnlyList<string> command, string extraJson = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"sandboxes/{sandbox}/exec/stream")
        {
            Content = JsonBody($$"""{"command":{{JsonSerializer.Serialize(command)}}{{extraJson}}}"""),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestTimeouts.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var body = await response.Content.ReadAsStreamAsync(TestTimeouts.Token());
        return await ServerSentEventStream.ReadAsync(body, TestTimeouts.Token());
    }

    /// <summary>Runs <c>bash -c script</c> and returns the stream; asserts it ended with an exit event.</summary>
    public async Task<ServerSentEventStream> BashAsync(string sandbox, string script)
    {
        var stream = await StreamAsync(sandbox, ["bash", "-c", script]);
        Assert.NotNull(stream.ExitCode);
        return stream;
    }

    /// <summary>Starts a command with <c>POST /exec</c> and returns its exec id.</summary>
    public async Task<string> StartExecAsync(string sandbox, IReadOnlyList<string> command)
    {
        var response = await PostAsync($"sandboxes/{sandbox}/exec", $$"""{"command":{{JsonSerializer.Serialize(command)}}}""");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.String("exec_id");
    }

    /// <summary>Polls <c>GET /exec/{id}</c> until the status is terminal.</summary>
    public async Task<JsonElement> WaitExecAsync(string sandbox, string execId)
    {
        var token = TestTimeouts.Token();
        while (true)
        {
            var result = await GetAsync($"sandboxes/{sandbox}/exec/{execId}");
            Assert.Equal(HttpStatusCode.OK, result.Status);
            if (result.String("status") is "completed" or "failed")
            {
                return result.Json;
            }

            await Task.Delay(25, token);
        }
    }

    public async Task<ApiResponse> UploadAsync(string sandbox, string route, string path, byte[] content, string fileName = "archive.tar.gz")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
        form.Add(part, "file", fileName);
        using var response = await Http.PostAsync($"sandboxes/{sandbox}/{route}?path={Uri.EscapeDataString(path)}", form, TestTimeouts.Token());
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(TestTimeouts.Token()), response.Content.Headers.ContentType?.MediaType);
    }

    public async Task<(HttpStatusCode Status, byte[] Body)> DownloadAsync(string sandbox, string route, string path)
    {
        using var response = await Http.GetAsync($"sandboxes/{sandbox}/{route}?path={Uri.EscapeDataString(path)}", TestTimeouts.Token());
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(TestTimeouts.Token()));
    }

    public void Dispose() => Http.Dispose();
}
