using System.Text;
using Microsoft.AspNetCore.Http;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>
/// Writes <c>text/event-stream</c> frames and flushes each one. A payload holding <c>\n</c> becomes
/// several <c>data:</c> lines, which a client joins back with <c>\n</c>. A <c>\r</c> cannot be
/// represented faithfully: it is sent as is, and clients that strip a CR before LF lose it.
/// </summary>
internal sealed class ServerSentEventWriter(HttpResponse response)
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public Task WriteEventAsync(string name, string data, CancellationToken cancellationToken) =>
        WriteAsync(Format(name, data), cancellationToken);

    public Task WriteCommentAsync(string text, CancellationToken cancellationToken) =>
        WriteAsync($": {text}\n\n", cancellationToken);

    public static string Format(string name, string data)
    {
        var frame = new StringBuilder(data.Length + name.Length + 16);
        frame.Append("event: ").Append(name).Append('\n');
        foreach (var line in data.Split('\n'))
        {
            frame.Append("data: ").Append(line).Append('\n');
        }

        return frame.Append('\n').ToString();
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
