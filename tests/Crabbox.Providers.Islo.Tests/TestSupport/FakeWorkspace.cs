using System.Text;
using Crabbox.Core.Output;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.TestSupport;

/// <summary>
/// Gives a <see cref="FakeIsloClient"/> a real remote workspace: a local folder standing in for
/// <see cref="Workspace"/>. Helper scripts run with the local <c>bash</c> (the workspace path rewritten
/// to the folder), archive uploads are captured and extracted there with GNU tar, and the user's
/// command runs nowhere. So backend tests see real listings and real removals without the emulator.
/// </summary>
internal sealed class FakeWorkspace : IDisposable
{
    public const string Workspace = "/workspace/crabbox";

    private readonly TempDirectory _directory = new("crabbox-fake-remote");

    public FakeWorkspace(FakeIsloClient client)
    {
        Directory.CreateDirectory(Root);
        client.OnExec = ExecAsync;
        client.OnUpload = UploadAsync;
        Client = client;
    }

    public FakeIsloClient Client { get; }

    /// <summary>The local folder that plays <see cref="Workspace"/>.</summary>
    public string Root => _directory.Combine("workspace");

    /// <summary>Fails every archive upload with this exception (then the backend falls back to exec).</summary>
    public Exception? FailUpload { get; set; }

    /// <summary>Extracts each upload, then fails it with this exception (the answer was lost on the way back).</summary>
    public Exception? FailAfterExtract { get; set; }

    /// <summary>The archives extracted so far.</summary>
    public List<byte[]> Uploads => Client.Uploads;

    /// <summary>Answers a helper script instead of running it when it returns an exit code and stdout.</summary>
    public Func<string, (int ExitCode, string Output)?>? Intercept { get; set; }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public void Dispose() => _directory.Dispose();

    private async Task<int> ExecAsync(string sandbox, IsloExecRequest request, Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        if (ExecKind.IsWorkload(request))
        {
            return 0;
        }

        if (Intercept?.Invoke(request.Command[^1]) is { } answer)
        {
            await stdout.WriteAsync(Encoding.UTF8.GetBytes(answer.Output), cancellationToken);
            return answer.ExitCode;
        }

        var script = request.Command[^1].Replace(ShellQuote.Quote(Workspace), ShellQuote.Quote(Root), StringComparison.Ordinal);
        var result = await TestProcess.RunAsync("/bin/bash", ["-c", script], _directory.Path);
        await stdout.WriteAsync(Encoding.UTF8.GetBytes(result.Output), cancellationToken);
        await stderr.WriteAsync(Encoding.UTF8.GetBytes(result.Error), cancellationToken);
        return result.ExitCode;
    }

    private async Task UploadAsync(string sandbox, string target, Func<Stream, CancellationToken, Task> writeArchive, CancellationToken cancellationToken)
    {
        if (FailUpload is { } failure)
        {
            throw failure;
        }

        using var body = new MemoryStream();
        await writeArchive(new NonSeekableStream(body), cancellationToken);
        var bytes = body.ToArray();
        lock (Client.Uploads)
        {
            Client.Uploads.Add(bytes);
        }

        var destination = target == Workspace ? Root : throw new InvalidOperationException($"unexpected upload target {target}");
        var result = await TestProcess.RunAsync("tar", ["-xzf", "-", "-C", destination], _directory.Path, writeInput: input => input.WriteAsync(bytes, cancellationToken).AsTask());
        if (result.ExitCode != 0)
        {
            throw new IsloApiException(System.Net.HttpStatusCode.BadRequest, null, $"islo upload archive: tar exited {result.ExitCode}: {result.Error}");
        }

        if (FailAfterExtract is { } lost)
        {
            throw lost;
        }
    }
}
