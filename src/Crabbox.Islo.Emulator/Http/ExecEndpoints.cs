using System.Buffers;
using System.Globalization;
using System.Threading.Channels;
using Crabbox.Islo.Emulator.Exec;
using Crabbox.Islo.Emulator.Json;
using Crabbox.Islo.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>
/// Exec routes: start and poll (<c>POST /exec</c>, <c>GET /exec/{exec_id}</c>) and the SSE stream
/// (<c>POST /exec/stream</c>: <c>stdout</c>/<c>stderr</c> events as output arrives, <c>: keep-alive</c>
/// comments while the command is quiet, then <c>exit</c>; <c>error</c> and no <c>exit</c> when it cannot start).
/// </summary>
internal sealed class ExecEndpoints(ExecService exec, ExecRegistry registry, SandboxStore store, TimeSpan keepAliveInterval)
{
    // Few events in flight: a slow client slows the reader (back-pressure) instead of growing memory.
    private const int StreamBuffer = 8;

    // Ready events are batched up to about this much before a write, so a long burst still flows steadily.
    private const int FlushBytes = 256 * 1024;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/sandboxes/{name}/exec", new RequestDelegate(StartAsync));
        routes.MapPost("/sandboxes/{name}/exec/stream", new RequestDelegate(StreamAsync));
        routes.MapGet("/sandboxes/{name}/exec/{exec_id}", new RequestDelegate(ResultAsync));
    }

    private async Task StartAsync(HttpContext context)
    {
        var request = await context.ReadJsonAsync(EmulatorJsonContext.Default.ExecRequest, new ExecRequest());
        var launch = await exec.LaunchAsync(context.Route("name"), request, capture: true, events: null, context.RequestAborted);
        registry.Add(launch.Session ?? ExecSession.FailedToStart(launch.ExecId, launch.Sandbox.Name, launch.Failure ?? "exec failed"));
        await context.WriteJsonAsync(
            StatusCodes.Status200OK,
            new ExecStartedResponse { ExecId = launch.ExecId, SandboxId = launch.Sandbox.Id, Status = "started" },
            EmulatorJsonContext.Default.ExecStartedResponse);
    }

    private async Task ResultAsync(HttpContext context)
    {
        var name = context.Route("name");
        var execId = context.Route("exec_id");
        await store.GetRequiredAsync(name, context.RequestAborted);
        var session = registry.Find(name, execId)
            ?? throw new ApiException(StatusCodes.Status400BadRequest, ErrorCodes.CommandNotFound, $"exec {execId} not found in sandbox {name}");
        await context.WriteJsonAsync(
            StatusCodes.Status200OK,
            new ExecResultResponse
            {
                ExecId = session.Id,
                Status = session.Status,
                ExitCode = session.ExitCode,
                Stdout = session.Stdout,
                Stderr = session.Stderr,
                Truncated = session.Truncated,
            },
            EmulatorJsonContext.Default.ExecResultResponse);
    }

    private async Task StreamAsync(HttpContext context)
    {
        var request = await context.ReadJsonAsync(EmulatorJsonContext.Default.ExecRequest, new ExecRequest());
        var events = Channel.CreateBounded<ExecEvent>(new BoundedChannelOptions(StreamBuffer) { SingleReader = true });
        var aborted = context.RequestAborted;
        try
        {
            var launch = await exec.LaunchAsync(context.Route("name"), request, capture: false, events.Writer, aborted);
            var sse = new ServerSentEventWriter(context.Response);
            await sse.StartAsync(aborted);
            if (launch.Session is null)
            {
                await sse.WriteEventAsync("error", launch.Failure ?? "exec failed", aborted);
                return;
            }

            if (!await RelayAsync(events.Reader, sse, aborted))
            {
                await sse.WriteEventAsync("error", "exec failed: the command's output could not be read", aborted);
            }
        }
        finally
        {
            // Detaches the command from this response; it keeps running if the client left early.
            events.Writer.TryComplete();
        }
    }

    /// <summary>
    /// Relays events until <c>exit</c> (true) or the end of the events without one (false). The
    /// events that are ready go out together, in one write and flush, as soon as no more are waiting:
    /// a burst of output costs few writes, and a lone small chunk is still sent at once.
    /// </summary>
    private async Task<bool> RelayAsync(ChannelReader<ExecEvent> reader, ServerSentEventWriter sse, CancellationToken cancellationToken)
    {
        var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                while (reader.TryRead(out var item))
                {
                    if (item.Kind == ExecEventKind.Exit)
                    {
                        await sse.WriteEventAsync("exit", item.ExitCode.ToString(CultureInfo.InvariantCulture), cancellationToken);
                        return true;
                    }

                    sse.Append(item.Kind == ExecEventKind.Stdout ? "stdout"u8 : "stderr"u8, item.Data.AsSpan(0, item.Length));
                    ArrayPool<byte>.Shared.Return(item.Data!);
                    if (sse.Buffered >= FlushBytes)
                    {
                        await sse.FlushAsync(cancellationToken);
                    }
                }

                if (sse.Buffered > 0)
                {
                    await sse.FlushAsync(cancellationToken);
                }

                if (!quiet.TryReset())
                {
                    quiet.Dispose();
                    quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                }

                quiet.CancelAfter(keepAliveInterval);
                try
                {
                    if (!await reader.WaitToReadAsync(quiet.Token))
                    {
                        return false;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await sse.WriteCommentAsync("keep-alive", cancellationToken);
                }
            }
        }
        finally
        {
            quiet.Dispose();
        }
    }
}
