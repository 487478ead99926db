using System.Net;
using Polly;
using Polly.Retry;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// The retry pipelines. <see cref="Idempotent"/> (GET, DELETE, list: 3 attempts) and
/// <see cref="Create"/> (POST /sandboxes: 2 attempts) retry on 408, 429, 5xx, transport errors
/// and response-header timeouts, never on the caller's cancellation. Backoff is exponential with
/// jitter from <see cref="BaseDelay"/>; a <c>Retry-After</c> (seconds or HTTP date) wins, capped
/// at <see cref="MaxRetryAfter"/>. Delays run on the given <see cref="TimeProvider"/>, so tests
/// can make them instant. Exec, upload, pause, resume, stop and share creation are never retried.
/// </summary>
internal sealed class IsloRetryPolicy
{
    public const int IdempotentAttempts = 3;
    public const int CreateAttempts = 2;

    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    public IsloRetryPolicy(TimeProvider timeProvider)
    {
        Idempotent = Build(IdempotentAttempts, timeProvider);
        Create = Build(CreateAttempts, timeProvider);
    }

    public ResiliencePipeline<HttpResponseMessage> Idempotent { get; }

    public ResiliencePipeline<HttpResponseMessage> Create { get; }

    public static bool IsRetriable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The server's <c>Retry-After</c> as a delay from <paramref name="now"/>, capped; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (delay is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > MaxRetryAfter ? MaxRetryAfter : value;
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(int attempts, TimeProvider timeProvider)
    {
        var options = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = attempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = BaseDelay,
            MaxDelay = MaxRetryAfter,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutException>()
                .HandleResult(response => IsRetriable(response.StatusCode)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, timeProvider.GetUtcNow())),
        };

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(options)
            .Build();
    }
}
