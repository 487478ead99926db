namespace Crabbox.Core.Output;

/// <summary><c>crabbox status</c>: the one-line human summary or the StatusView JSON document.</summary>
public static class StatusRenderer
{
    /// <summary>
    /// <c>&lt;id&gt; slug=&lt;s|-&gt; provider=&lt;p&gt; target=&lt;os&gt; windows_mode=&lt;m|-&gt; state=&lt;state&gt; type=&lt;type&gt;
    /// host=&lt;ip&gt; pond=&lt;pond|-&gt; network=&lt;mode&gt; ready=&lt;bool&gt; has_host=&lt;bool&gt; idle_for=-
    /// idle_timeout=&lt;Go duration|-&gt; expires=&lt;RFC 3339|-&gt;</c>
    /// </summary>
    public static void WriteText(TextWriter writer, StatusView status)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(status);
        writer.Write(
            $"{status.Id} slug={Dash(status.Slug)} provider={status.Provider} target={status.Target} " +
            $"windows_mode={Dash(status.WindowsMode)} state={status.State} type={status.ServerType} host={status.Host} " +
            $"pond={Dash(status.Pond)} network={status.Network} ready={Bool(status.Ready)} has_host={Bool(status.HasHost)} " +
            $"idle_for=- idle_timeout={Dash(IdleTimeout(status))} expires={Dash(ExpiresAt(status))}\n");
    }

    /// <summary>One compact JSON line; <c>slug</c>, <c>windowsMode</c>, <c>pond</c>, <c>idleTimeout</c>, <c>expiresAt</c> and <c>labels</c> are omitted when empty.</summary>
    public static void WriteJson(TextWriter writer, StatusView status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var document = new StatusDocument
        {
            Id = status.Id,
            Slug = Empty(status.Slug),
            Provider = status.Provider,
            Target = status.Target,
            WindowsMode = Empty(status.WindowsMode),
            State = status.State,
            ServerId = status.ServerId,
            ServerType = status.ServerType,
            Host = status.Host,
            Pond = Empty(status.Pond),
            Network = status.Network,
            SshHost = status.SshHost,
            SshUser = status.SshUser,
            SshPort = status.SshPort,
            SshKey = status.SshKey,
            IdleTimeout = IdleTimeout(status),
            ExpiresAt = ExpiresAt(status),
            Labels = LabelMaps.Sorted(status.Labels),
            HasHost = status.HasHost,
            Ready = status.Ready,
        };
        CoreJsonContext.WriteLine(writer, document, CoreJsonContext.Compact.StatusDocument);
    }

    private static string? IdleTimeout(StatusView status) =>
        status.IdleTimeout is { } idle && idle > TimeSpan.Zero ? GoDuration.Format(idle) : null;

    private static string? ExpiresAt(StatusView status) =>
        status.ExpiresAt is { } expires ? Rfc3339.Format(expires) : null;

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Dash(string? value) => string.IsNullOrEmpty(value) ? "-" : value;

    private static string Bool(bool value) => value ? "true" : "false";
}
