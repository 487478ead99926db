using System.Collections.Concurrent;
using System.Diagnostics;
using Crabbox.Islo.Emulator.State;

namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>The processes of each sandbox: pause (SIGSTOP), resume (SIGCONT) and kill them as a group.</summary>
internal sealed class SandboxProcessTracker
{
    private const int Sweeps = 5;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, Process>> _started = new(StringComparer.Ordinal);

    public void Add(string sandboxName, Process process) =>
        _started.GetOrAdd(sandboxName, static _ => new ConcurrentDictionary<int, Process>())[process.Id] = process;

    public void Remove(string sandboxName, Process process)
    {
        if (_started.TryGetValue(sandboxName, out var processes))
        {
            processes.TryRemove(process.Id, out _);
        }
    }

    /// <summary>Stops every process of the sandbox, sweeping again for children forked meanwhile.</summary>
    public void Pause(string sandboxName, SandboxPaths paths)
    {
        var stopped = new HashSet<int>();
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            var fresh = Find(sandboxName, paths).Except(stopped).ToList();
            if (fresh.Count == 0)
            {
                return;
            }

            foreach (var processId in fresh)
            {
                NativeSignals.Send(processId, NativeSignals.Stop);
                stopped.Add(processId);
            }
        }
    }

    public void Resume(string sandboxName, SandboxPaths paths)
    {
        foreach (var processId in Find(sandboxName, paths))
        {
            NativeSignals.Send(processId, NativeSignals.Continue);
        }
    }

    /// <summary>Kills every process of the sandbox and waits (briefly) for the ones this host started.</summary>
    public async Task KillAsync(string sandboxName, SandboxPaths paths, CancellationToken cancellationToken)
    {
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            var processes = Find(sandboxName, paths);
            if (processes.Count == 0)
            {
                break;
            }

            foreach (var processId in processes)
            {
                NativeSignals.Send(processId, NativeSignals.Kill);
            }
        }

        await WaitForExitAsync(Started(sandboxName), cancellationToken);
    }

    /// <summary>Kills everything this host started (not other hosts' processes); used when the host stops.</summary>
    public async Task KillAllStartedAsync(CancellationToken cancellationToken)
    {
        var processes = _started.Values.SelectMany(static byId => byId.Values).ToList();
        foreach (var process in processes)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already exited (and perhaps disposed).
            }
        }

        await WaitForExitAsync(processes, cancellationToken);
    }

    private HashSet<int> Find(string sandboxName, SandboxPaths paths) =>
        ProcessTable.FindSandboxProcesses(paths, Started(sandboxName).Select(static process => process.Id));

    private List<Process> Started(string sandboxName) =>
        _started.TryGetValue(sandboxName, out var processes) ? [.. processes.Values] : [];

    private static async Task WaitForExitAsync(List<Process> processes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await Task.WhenAll(processes.Select(process => WaitForExitAsync(process, timeout.Token)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A process that ignores SIGKILL for 5 s (uninterruptible I/O) is left to the kernel.
        }
    }

    private static async Task WaitForExitAsync(Process process, CancellationToken cancellationToken)
    {
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Already exited and disposed by its exec session.
        }
    }
}
