using System.Text;

namespace Crabbox.Islo.Emulator.Tests.Support;

/// <summary>
/// A whole exec stream, parsed the way crabbox's client parses it: lines split on LF with a
/// trailing CR dropped, <c>:</c> comments, <c>event</c>/<c>data</c> fields, blank-line dispatch.
/// </summary>
internal sealed class ServerSentEventStream
{
    public List<ServerSentEvent> Events { get; } = [];

    public List<string> Comments { get; } = [];

    public string Stdout => string.Concat(Events.Where(static e => e.Name == "stdout").Select(static e => e.Data));

    public string Stderr => string.Concat(Events.Where(static e => e.Name == "stderr").Select(static e => e.Data));

    public int? ExitCode => Events.LastOrDefault(static e => e.Name == "exit") is { } exit ? int.Parse(exit.Data.Trim(), System.Globalization.CultureInfo.InvariantCulture) : null;

    public static async Task<ServerSentEventStream> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var stream = new ServerSentEventStream();
        using var reader = new StreamReader(body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        string? name = null;
        var data = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length == 0)
            {
                stream.Dispatch(ref name, data);
            }
            else if (line.StartsWith(':'))
            {
                stream.Comments.Add(line[1..].Trim());
            }
            else
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? string.Empty : line[(colon + 1)..];
                value = value.StartsWith(' ') ? value[1..] : value;
                if (field == "event")
                {
                    name = value;
                }
                else if (field == "data")
                {
                    data.Add(value);
                }
            }
        }

        stream.Dispatch(ref name, data);
        return stream;
    }

    private void Dispatch(ref string? name, List<string> data)
    {
        if (name is not null || data.Count > 0)
        {
            Events.Add(new ServerSentEvent(name ?? string.Empty, string.Join('\n', data)));
        }

        name = null;
        data.Clear();
    }
}
