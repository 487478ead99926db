using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;
using Crabbox.Islo.Emulator.Sandboxing;

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
    // A read takes whatever the pipe holds (see NativePipes), up to this much.
    private const int BufferSize = NativePipes.PreferredCapacity;

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
            NativePipes.TryGrow(process.StandardOutput.BaseStream);
            NativePipes.TryGrow(process.StandardError.BaseStream);
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
        // Each read fills a pooled buffer that travels on with its event, so output is never copied
        // here; only the start of a character cut off by the read moves to the next buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var held = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(held))) > 0)
            {
                capture?.Append(buffer.AsSpan(held, read));
                if (_detached)
                {
                    held = 0;
                    continue;
                }

                var total = held + read;
                held = Utf8Output.IncompleteTail(buffer.AsSpan(0, total));
                if (held == total)
                {
                    continue;
                }

                var next = ArrayPool<byte>.Shared.Rent(BufferSize);
                buffer.AsSpan(total - held, held).CopyTo(next);
                var sent = buffer;
                buffer = next;
                await PublishOutputAsync(kind, sent, total - held);
            }

            if (held > 0 && !_detached)
            {
                // The output ended inside a character: it is flushed as a decoder would, as U+FFFD.
                var copy = ArrayPool<byte>.Shared.Rent(held);
                buffer.AsSpan(0, held).CopyTo(copy);
                await PublishOutputAsync(kind, copy, held);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Publishes the first <paramref name="length"/> bytes of <paramref name="data"/>, a pooled array it takes over.</summary>
    private async Task PublishOutputAsync(ExecEventKind kind, byte[] data, int length)
    {
        if (Utf8Output.Repair(data.AsSpan(0, length), out var repairedLength) is { } repaired)
        {
            ArrayPool<byte>.Shared.Return(data);
            data = repaired;
            length = repairedLength;
        }

        if (!await PublishAsync(ExecEvent.Output(kind, data, length)))
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    /// <summary>True when <paramref name="item"/> was handed to the stream's reader.</summary>
    private async Task<bool> PublishAsync(ExecEvent item)
    {
        if (_detached || _events is null)
        {
            return false;
        }

        try
        {
            await _events.WriteAsync(item);
            return true;
        }
        catch (ChannelClosedException)
        {
            _detached = true;
            return false;
        }
    }
}
