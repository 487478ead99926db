using System.Diagnostics;
using System.Text;

namespace Crabbox.EndToEnd.Tests.Support;

/// <summary>
/// A running crabbox process whose stdout and stderr are drained as raw bytes from the start (so
/// neither pipe can fill and block it), with bounded waits for output and for exit.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly Stream _output;
    private readonly bool _ownsOutput;
    private readonly MemoryStream _error = new();
    private readonly Task _pumps;

    private CliProcess(Process process, Stream? output)
    {
        _process = process;
        _ownsOutput = output is null;
        _output = output ?? new MemoryStream();
        _process.StandardInput.Close();
        _pumps = Task.WhenAll(
            PumpAsync(_process.StandardOutput.BaseStream, _output),
            PumpAsync(_process.StandardError.BaseStream, _error));
    }

    public int Id => _process.Id;

    /// <summary>Stdout so far, decoded (empty when stdout goes to a caller's stream).</summary>
    public string OutputText => _ownsOutput ? Snapshot(_output) : string.Empty;

    public string ErrorText => Snapshot(_error);

    public static CliProcess Start(ProcessStartInfo startInfo, Stream? output)
    {
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start");
        return new CliProcess(process, output);
    }

    /// <summary>Waits until stdout contains <paramref name="marker"/>; fails if the process exits first or time runs out.</summary>
    public async Task WaitForOutputAsync(string marker, TimeSpan timeout)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(timeout);
        while (!OutputText.Contains(marker, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                await _pumps.WaitAsync(timeout, TestContext.Current.CancellationToken);
                if (OutputText.Contains(marker, StringComparison.Ordinal))
                {
                    return;
                }

                throw new InvalidOperationException($"crabbox exited {_process.ExitCode} before printing {marker}:\n{OutputText}\n{ErrorText}");
            }

            try
            {
                await Task.Delay(s_pollInterval, bound.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no {marker} on crabbox stdout within {timeout}:\n{OutputText}\n{ErrorText}");
            }
        }
    }

    /// <summary>Sends SIGINT, as Ctrl-C would.</summary>
    public void Interrupt() => Signals.Interrupt(_process.Id);

    /// <summary>Waits for exit and for both pipes to close; on timeout kills the process tree and fails.</summary>
    public async Task<CliResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
            await _pumps.WaitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crabbox did not exit within {timeout}:\n{OutputText}\n{ErrorText}");
        }

        return new CliResult(_process.ExitCode, _ownsOutput ? ((MemoryStream)_output).ToArray() : [], ErrorText);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        try
        {
            await _pumps.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or ObjectDisposedException)
        {
            // The process is gone; a pipe that did not drain in time has nothing the test still needs.
        }

        _process.Dispose();
        _error.Dispose();
        if (_ownsOutput)
        {
            await _output.DisposeAsync();
        }
    }

    private static async Task PumpAsync(Stream source, Stream target)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            lock (target)
            {
                target.Write(buffer, 0, read);
            }
        }
    }

    private static string Snapshot(Stream stream)
    {
        lock (stream)
        {
            var memory = (MemoryStream)stream;
            return Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length);
        }
    }
}
