using System.Collections.Concurrent;
using System.Diagnostics;

namespace Crabbox.Islo.Emulator.Sandboxing;

/// <summary>
/// Starts every sandbox process from one long-lived thread. bubblewrap's <c>--die-with-parent</c>
/// uses <c>PR_SET_PDEATHSIG</c>, which fires when the *thread* that forked it exits; thread-pool
/// threads retire when idle, which would kill running commands at random.
/// </summary>
internal sealed class ProcessSpawner : IDisposable
{
    private readonly BlockingCollection<(ProcessStartInfo StartInfo, TaskCompletionSource<Process> Started)> _queue = [];
    private readonly Lock _gate = new();
    private Thread? _thread;

    /// <summary>Starts the process with stdin closed and stdout/stderr redirected to pipes.</summary>
    public Task<Process> StartAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        EnsureThread();
        _queue.Add((startInfo, started), cancellationToken);
        return started.Task;
    }

    /// <summary>Ends the spawner thread; any bubblewrap process it started still alive is then killed by the kernel.</summary>
    public void Dispose() => _queue.CompleteAdding();

    private void EnsureThread()
    {
        lock (_gate)
        {
            if (_thread is not null)
            {
                return;
            }

            _thread = new Thread(Run) { IsBackground = true, Name = "islo-emulator-spawner" };
            _thread.Start();
        }
    }

    private void Run()
    {
        foreach (var (startInfo, started) in _queue.GetConsumingEnumerable())
        {
            try
            {
                var process = new Process { StartInfo = startInfo };
                process.Start();
                // No stdin, like the real exec API; the command must not read the emulator's terminal.
                process.StandardInput.Close();
                started.SetResult(process);
            }
            catch (Exception exception)
            {
                started.SetException(exception);
            }
        }
    }
}
