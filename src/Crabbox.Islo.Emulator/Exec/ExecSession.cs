using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Crabbox.Islo.Emulator.Exec;

/// <summary>
/// One running command. It lives independently of the HTTP request that started it: when a
/// stream's client goes away the output is drained and dropped, and the command keeps running
/// until it exits or its sandbox is stopped or deleted (as in the real service).
/// </summary>
internal sealed class ExecSession
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    private const int ReadSize = 64 * 1024;

    private readonly OutputCapture? _stdout;
    private readonly OutputCapture? _stderr;
    private readonly ChannelWriter<ExecEvent>? _events;
    private volatile bool _detached;

    private ExecSession(string id, string sandboxName, bool capture, ChannelWriter<ExecEvent>? events)
    {
        Id = id;
        SandboxName = sandboxName;
        _events = events;
        _detached = events is null;
        if (capture)
        {
            _stdout = new OutputCapture();
            _stderr = new OutputCapture();
        }
    }

    public string Id { get; }

    public string SandboxName { get; }

    public string Status { get; private set; } = Running;

    public int? ExitCode { get; private set; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    public string Stdout => _stdout?.Text() ?? string.Empty;

    public string Stderr => _stderr?.Text() ?? string.Empty;

    public bool Truncated => (_stdout?.Truncated ?? false) || (_stderr?.Truncated ?? false);

    /// <summary>Pumps the process's output until it exits; <paramref name="exited"/> runs once it has.</summary>
    public static ExecSession Start(string id, string sandboxName, Process process, bool capture, ChannelWriter<ExecEvent>? events, Action exited)
    {
        var session = new ExecSession(id, sandboxName, capture, events);
        session.Completion = Task.Run(() => session.RunAsync(process, exited));
        return session;
    }

    /// <summary>A command that could not start: status <c>failed</c>, the reason on stderr.</summary>
    public static ExecSession FailedToStart(string id, string sandboxName, string reason)
    {
        var session = new ExecSession(id, sandboxName, capture: true, events: null) { Status = Failed };
        session._stderr!.Append(reason);
        return session;
    }

    private async Task RunAsync(Process process, Action exited)
    {
        try
        {
            await Task.WhenAll(
                PumpAsync(process.StandardOutput.BaseStream, ExecEventKind.Stdout, _stdout),
                PumpAsync(process.StandardError.BaseStream, ExecEventKind.Stderr, _stderr));
            await process.WaitForExitAsync();
            ExitCode = process.ExitCode;
            Status = Completed;
            await PublishAsync(ExecEvent.Exited(process.ExitCode));
        }
        catch (Exception exception)
        {
            Status = Failed;
            _stderr?.Append($"exec failed: {exception.Message}");
        }
        finally
        {
            _events?.TryComplete();
            exited();
            process.Dispose();
        }
    }

    private async Task PumpAsync(Stream stream, ExecEventKind kind, OutputCapture? capture)
    {
        // Decoding keeps state across reads, so a character split between two reads survives.
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
        var bytes = ArrayPool<byte>.Shared.Rent(ReadSize);
        var chars = ArrayPool<char>.Shared.Rent(ReadSize + 4);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes.AsMemory(0, ReadSize))) > 0)
            {
                capture?.Append(bytes.AsSpan(0, read));
                if (!_detached)
                {
                    var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                    await PublishTextAsync(kind, chars, count);
                }
            }

            if (!_detached)
            {
                var count = decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
                await PublishTextAsync(kind, chars, count);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private Task PublishTextAsync(ExecEventKind kind, char[] chars, int count) =>
        count == 0 ? Task.CompletedTask : PublishAsync(ExecEvent.Output(kind, new string(chars, 0, count)));

    private async Task PublishAsync(ExecEvent item)
    {
        if (_detached || _events is null)
        {
            return;
        }

        try
        {
            await _events.WriteAsync(item);
        }
        catch (ChannelClosedException)
        {
            _detached = true;
        }
    }
}
