using Crabbox.Core.Output;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// The response-header deadline of one HTTP message. It starts when the request is sent, or for
/// long uploads once the body is fully written, and is dropped when headers arrive, so a
/// streamed response body is bounded only by the caller's cancellation.
/// </summary>
internal sealed class IsloHeaderTimeout(TimeSpan timeout, TimeProvider timeProvider) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancellation = new();
    private ITimer? _timer;
    private bool _disposed;

    public CancellationToken Token => _cancellation.Token;

    public bool Fired { get; private set; }

    public string Describe() => $"no response headers within {GoDuration.Format(timeout)}";

    public void Start()
    {
        lock (_gate)
        {
            if (_disposed || _timer is not null || timeout == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            _timer = timeProvider.CreateTimer(static state => ((IsloHeaderTimeout)state!).Fire(), this, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
        }

        _cancellation.Dispose();
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Fired = true;
        }

        _cancellation.Cancel();
    }
}
