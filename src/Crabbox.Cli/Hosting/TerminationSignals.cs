using System.Runtime.InteropServices;
using Crabbox.Core;

namespace Crabbox.Cli.Hosting;

/// <summary>
/// Turns the first SIGINT/SIGTERM into a cancellation so commands can release what they created
/// (cleanup runs on its own fresh timeout); a second signal ends the process at once with 130.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    public TerminationSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive for the first signal; the command decides how to finish.
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) == 1)
        {
            _cancellation.Cancel();
            return;
        }

        Environment.Exit(ExitCodes.Interrupted);
    }
}
