using Crabbox.Core;
using Crabbox.Core.Leases;
using Crabbox.Core.Output;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo;

/// <summary>What every part of one backend shares: the provider's display name, console, claims, clock, settings and the lazily built client.</summary>
internal sealed class IsloRuntime
{
    /// <summary>The name users see in messages, hints and claims (<c>islo</c>, or <c>local</c> for the embedded emulator).</summary>
    public required string ProviderName { get; init; }

    public required IConsole Console { get; init; }

    public required IClaimStore Claims { get; init; }

    public required RepoClaimService ClaimService { get; init; }

    public required CrabboxPaths Paths { get; init; }

    public required TimeProvider Time { get; init; }

    public required IsloSettings Settings { get; init; }

    public required IsloTimeouts Timeouts { get; init; }

    public required IsloClientAccessor Clients { get; init; }

    /// <summary>Relative <c>--download</c> destinations resolve against it.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Where the exec-upload fallback writes its private archive file.</summary>
    public string TempDirectory { get; init; } = Path.GetTempPath();

    /// <summary>The API client; the first access fails with exit 2 when no key is set.</summary>
    public IIsloClient Client => Clients.Client;

    public TextWriter Error => Console.Error;

    public TimeSpan Elapsed(long startTimestamp) => Time.GetElapsedTime(startTimestamp);
}
