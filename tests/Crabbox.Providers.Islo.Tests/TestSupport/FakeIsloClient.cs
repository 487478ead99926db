using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>
/// A hand-written <see cref="IIsloClient"/> that records every call and keeps a tiny sandbox table.
/// Tests replace the <c>On*</c> hooks to script answers; the defaults create running sandboxes,
/// capture uploads and run every command with exit 0.
/// </summary>
internal sealed class FakeIsloClient : IIsloClient
{
    private readonly Lock _gate = new();
    private readonly List<FakeCall> _calls = [];
    private readonly Dictionary<string, Queue<string>> _statuses = new(StringComparer.Ordinal);

    public IReadOnlyList<FakeCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The status the create response reports.</summary>
    public string CreateStatus { get; set; } = "running";

    /// <summary>What GETs of a created sandbox answer, in turn (the last one repeats).</summary>
    public string[] StatusesAfterCreate { get; set; } = ["running"];

    /// <summary>Bytes of every archive upload, in order.</summary>
    public List<byte[]> Uploads { get; } = [];

    /// <summary>Create: default echoes the name with <see cref="CreateStatus"/>.</summary>
    public Func<IsloCreateSandboxRequest, IsloSandbox>? OnCreate { get; set; }

    public Func<string, CancellationToken, Task>? OnDelete { get; set; }

    /// <summary>Upload: default captures the streamed archive into <see cref="Uploads"/>.</summary>
    public Func<string, string, Func<Stream, CancellationToken, Task>, CancellationToken, Task>? OnUpload { get; set; }

    /// <summary>Exec: gets the sandbox, the request and both output streams; returns the exit code.</summary>
    public Func<string, IsloExecRequest, Stream, Stream, CancellationToken, Task<int>>? OnExec { get; set; }

    public Func<IsloSandbox, IsloSandbox>? OnResume { get; set; }

    /// <summary>Called on every GET before it answers (e.g. to interrupt a wait).</summary>
    public Action<string>? OnGet { get; set; }

    public IReadOnlyList<IsloSandbox> ListResult { get; set; } = [];

    public IReadOnlyList<FakeCall> CallsTo(string method) => [.. Calls.Where(call => call.Method == method)];

    public IReadOnlyList<IsloExecRequest> Execs => [.. CallsTo("exec").Select(call => (IsloExecRequest)call.Payload!)];

    /// <summary>The <c>bash -lc</c> scripts of every exec, in order.</summary>
    public IReadOnlyList<string> Scripts => [.. Execs.Select(exec => exec.Command[^1])];

    /// <summary>Adds a sandbox whose GETs answer <paramref name="statuses"/> in turn (the last one repeats).</summary>
    public void AddSandbox(string name, params string[] statuses)
    {
        lock (_gate)
        {
            _statuses[name] = new Queue<string>(statuses.Length == 0 ? ["running"] : statuses);
        }
    }

    public bool Exists(string name)
    {
        lock (_gate)
        {
            return _statuses.ContainsKey(name);
        }
    }

    public Task<IsloSandbox> CreateSandboxAsync(IsloCreateSandboxRequest request, CancellationToken cancellationToken)
    {
        Record("create", request.Name, request, cancellationToken);
        var created = OnCreate?.Invoke(request) ?? new IsloSandbox { Name = request.Name, Status = CreateStatus, Id = "uuid-" + request.Name };
        if (created.Name is { } name && !Exists(name))
        {
            AddSandbox(name, StatusesAfterCreate);
        }

        return Task.FromResult(created);
    }

    public Task<IsloSandbox> GetSandboxAsync(string name, CancellationToken cancellationToken)
    {
        Record("get", name, null, cancellationToken);
        OnGet?.Invoke(name);
        lock (_gate)
        {
            if (!_statuses.TryGetValue(name, out var statuses))
            {
                throw new IsloNotFoundException("SANDBOX_NOT_FOUND", $"islo get sandbox: 404 Not Found: sandbox {name} not found");
            }

            var status = statuses.Count > 1 ? statuses.Dequeue() : statuses.Peek();
            return Task.FromResult(new IsloSandbox { Name = name, Status = status, Id = "uuid-" + name, Image = "img:" + name });
        }
    }

    public Task<IReadOnlyList<IsloSandbox>> ListSandboxesAsync(CancellationToken cancellationToken)
    {
        Record("list", null, null, cancellationToken);
        return Task.FromResult(ListResult);
    }

    public async Task DeleteSandboxAsync(string name, CancellationToken cancellationToken)
    {
        Record("delete", name, null, cancellationToken);
        if (OnDelete is not null)
        {
            await OnDelete(name, cancellationToken);
        }

        lock (_gate)
        {
            _statuses.Remove(name);
        }
    }

    public Task<IsloSandbox> PauseSandboxAsync(string name, CancellationToken cancellationToken)
    {
        Record("pause", name, null, cancellationToken);
        SetStatus(name, "paused");
        return Task.FromResult(new IsloSandbox { Name = name, Status = "paused" });
    }

    public Task<IsloSandbox> ResumeSandboxAsync(string name, CancellationToken cancellationToken)
    {
        Record("resume", name, null, cancellationToken);
        var resumed = new IsloSandbox { Name = name, Status = "running" };
        resumed = OnResume?.Invoke(resumed) ?? resumed;
        SetStatus(name, resumed.Status ?? "running");
        return Task.FromResult(resumed);
    }

    public Task StopSandboxAsync(string name, CancellationToken cancellationToken)
    {
        Record("stop", name, null, cancellationToken);
        return Task.CompletedTask;
    }

    public async Task UploadArchiveAsync(
        string name, string targetDirectory, Func<Stream, CancellationToken, Task> writeArchive, CancellationToken cancellationToken)
    {
        Record("upload", name, targetDirectory, cancellationToken);
        if (OnUpload is not null)
        {
            await OnUpload(name, targetDirectory, writeArchive, cancellationToken);
            return;
        }

        using var body = new MemoryStream();
        await writeArchive(new NonSeekableStream(body), cancellationToken);
        lock (_gate)
        {
            Uploads.Add(body.ToArray());
        }
    }

    public Task<int> ExecStreamAsync(string name, IsloExecRequest request, Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        Record("exec", name, request, cancellationToken);
        return OnExec?.Invoke(name, request, stdout, stderr, cancellationToken) ?? Task.FromResult(0);
    }

    public Task<IsloExecStarted> ExecAsync(string name, IsloExecRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the backend streams every exec");

    public Task<IsloExecResult> GetExecResultAsync(string name, string execId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the backend streams every exec");

    public Task<long> DownloadFileAsync(string name, string path, Stream destination, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the backend reads files over exec");

    public Task<IsloShare> CreateShareAsync(string name, int port, TimeSpan? ttl, CancellationToken cancellationToken) =>
        throw new NotSupportedException("shares are out of scope");

    public Task<IReadOnlyList<IsloShare>> ListSharesAsync(string name, CancellationToken cancellationToken) =>
        throw new NotSupportedException("shares are out of scope");

    private void SetStatus(string name, string status)
    {
        lock (_gate)
        {
            _statuses[name] = new Queue<string>([status]);
        }
    }

    private void Record(string method, string? name, object? payload, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add(new FakeCall(method, name, payload, cancellationToken.CanBeCanceled));
        }
    }
}
