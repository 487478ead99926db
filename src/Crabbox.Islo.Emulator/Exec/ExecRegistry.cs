using System.Collections.Concurrent;

namespace Crabbox.Islo.Emulator.Exec;

/// <summary>Exec results kept in memory for <c>GET /exec/{exec_id}</c>: the newest <see cref="Capacity"/> per host.</summary>
internal sealed class ExecRegistry
{
    public const int Capacity = 512;
    private readonly ConcurrentDictionary<string, ExecSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Add(ExecSession session)
    {
        _sessions[session.Id] = session;
        _order.Enqueue(session.Id);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _sessions.TryRemove(oldest, out _);
        }
    }

    public ExecSession? Find(string sandboxName, string execId) =>
        _sessions.TryGetValue(execId, out var session) && session.SandboxName == sandboxName ? session : null;

    public void RemoveSandbox(string sandboxName)
    {
        foreach (var session in _sessions.Values.Where(session => session.SandboxName == sandboxName))
        {
            _sessions.TryRemove(session.Id, out _);
        }
    }

    /// <summary>Every session still running, so the host can wait for their output to drain when it stops.</summary>
    public IEnumerable<ExecSession> All => _sessions.Values;
}
