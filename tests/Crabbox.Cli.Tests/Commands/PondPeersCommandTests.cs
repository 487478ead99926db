using System.Text.Json;
using Crabbox.Cli.Tests.TestSupport;
using Crabbox.Core;
using Crabbox.Core.Output;
using Crabbox.Core.Providers;
using Crabbox.Core.Runs;

namespace Crabbox.Cli.Tests.Commands;

public sealed class PondPeersCommandTests
{
    private static readonly DateTimeOffset s_expiry = new(2026, 8, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("65536")]
    [InlineData("70000")]
    public async Task SharePort_OutOfRange_ExitsUsageBeforeAnyProviderWork(string port)
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("pond", "peers", "--provider", "alpha", "--pond", "web", "--share-port", port);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("crabbox: --share-port must be between 1 and 65535\n", result.Stderr);
        Assert.Equal(0, host.Alpha.BackendsCreated);
    }

    [Theory]
    [InlineData]
    [InlineData("--pond", "")]
    [InlineData("--pond", "  ")]
    public async Task Pond_Missing_ExitsUsage(params string[] pond)
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync(["pond", "peers", "--provider", "alpha", .. pond]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("crabbox: --pond is required\n", result.Stderr);
    }

    [Fact]
    public async Task Provider_WithoutUrlBridge_ExitsUsageNamingIt()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("pond", "peers", "--provider", "beta", "--pond", "web", "--share-port", "8080");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("crabbox: provider=beta does not support pond peers (it has no URL bridge)\n", result.Stderr);
        Assert.Empty(host.Beta.Backend.Calls);
    }

    [Fact]
    public async Task SharePort_PublishesOnEveryPondSandbox_JsonArray()
    {
        using var host = new CliTestHost();
        host.Alpha.Backend.Leases = [Lease("crabbox-web-bbbbbb", "tidal-prawn"), Lease("crabbox-web-aaaaaa", "amber-crab")];
        host.Alpha.Backend.OnPublishPeer = request => new PeerTarget(request.Port, $"https://{request.LeaseId}.share.test/", "sh_" + request.LeaseId[^6..], s_expiry);

        var result = await host.RunAsync("pond", "peers", "--provider", "alpha", "--pond", "Web Team", "--share-port", "8080", "--share-ttl", "2h", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var calls = host.Alpha.Backend.Calls;
        Assert.Equal("web-team", Assert.IsType<ListRequest>(calls[0]).Pond);
        Assert.Equal(
            [new PeerPublishRequest { LeaseId = "isb_crabbox-web-aaaaaa", Port = 8080, Ttl = TimeSpan.FromHours(2) }, new PeerPublishRequest { LeaseId = "isb_crabbox-web-bbbbbb", Port = 8080, Ttl = TimeSpan.FromHours(2) }],
            calls.Skip(1).Cast<PeerPublishRequest>());
        Assert.Equal(
            """[{"leaseId":"isb_crabbox-web-aaaaaa","slug":"amber-crab","sandbox":"crabbox-web-aaaaaa","port":8080,"url":"https://isb_crabbox-web-aaaaaa.share.test/","shareId":"sh_aaaaaa","expiresAt":"2026-08-02T12:00:00Z"},"""
            + """{"leaseId":"isb_crabbox-web-bbbbbb","slug":"tidal-prawn","sandbox":"crabbox-web-bbbbbb","port":8080,"url":"https://isb_crabbox-web-bbbbbb.share.test/","shareId":"sh_bbbbbb","expiresAt":"2026-08-02T12:00:00Z"}]""" + "\n",
            result.Stdout);
    }

    [Theory]
    [InlineData(new string[0], 24 * 3600.0)]
    [InlineData(new[] { "--share-ttl", "9999h" }, 9999 * 3600.0)]
    [InlineData(new[] { "--share-ttl", "1s" }, 1.0)]
    [InlineData(new[] { "--share-ttl", "0" }, 0.0)]
    public async Task ShareTtl_DefaultsTo24hAndIsPassedUnvalidated(string[] ttl, double seconds)
    {
        using var host = new CliTestHost();
        host.Alpha.Backend.Leases = [Lease("crabbox-web-aaaaaa", "amber-crab")];

        var result = await host.RunAsync(["pond", "peers", "--provider", "alpha", "--pond", "web", "--share-port", "443", .. ttl]);

        Assert.Equal(0, result.ExitCode);
        var publish = Assert.Single(host.Alpha.Backend.Calls.OfType<PeerPublishRequest>());
        Assert.Equal(TimeSpan.FromSeconds(seconds), publish.Ttl);
    }

    [Fact]
    public async Task ShareTtl_NotADuration_ExitsUsage()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("pond", "peers", "--provider", "alpha", "--pond", "web", "--share-port", "443", "--share-ttl", "soon");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("crabbox: invalid duration \"soon\" for --share-ttl", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("crabbox: run 'crabbox pond peers --help' for usage\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSharePort_ListsPublishedUrls_TableShowsSandboxesWithoutAny()
    {
        using var host = new CliTestHost();
        host.Alpha.Backend.Leases = [Lease("crabbox-web-aaaaaa", "amber-crab"), Lease("crabbox-web-bbbbbb", "tidal-prawn")];
        host.Alpha.Backend.OnListPeerTargets = leaseId => leaseId.EndsWith('a')
            ? [new PeerTarget(8080, "https://a.share.test/", "sh_1", s_expiry), new PeerTarget(9090, "https://a9.share.test/", "sh_2", null)]
            : [];

        var result = await host.RunAsync("pond", "peers", "--provider", "alpha", "--pond", "web");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(host.Alpha.Backend.Calls.OfType<PeerPublishRequest>());
        Assert.Equal(
            "SLUG         SANDBOX             PORT  URL                     EXPIRES\n"
            + "amber-crab   crabbox-web-aaaaaa  8080  https://a.share.test/   2026-08-02T12:00:00Z\n"
            + "amber-crab   crabbox-web-aaaaaa  9090  https://a9.share.test/  -\n"
            + "tidal-prawn  crabbox-web-bbbbbb  -     -                       -\n",
            result.Stdout);
    }

    [Fact]
    public async Task NoSharePort_Json_OnlySandboxesWithUrls()
    {
        using var host = new CliTestHost();
        host.Alpha.Backend.Leases = [Lease("crabbox-web-aaaaaa", "amber-crab"), Lease("crabbox-web-bbbbbb", "tidal-prawn")];
        host.Alpha.Backend.OnListPeerTargets = leaseId => leaseId.EndsWith('a') ? [new PeerTarget(8080, "https://a.share.test/", null, null)] : [];

        var result = await host.RunAsync("pond", "peers", "--provider", "alpha", "--pond", "web", "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var only = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("isb_crabbox-web-aaaaaa", only.GetProperty("leaseId").GetString());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("shareId").ValueKind);
        Assert.Equal(JsonValueKind.Null, only.GetProperty("expiresAt").ValueKind);
    }

    [Theory]
    [InlineData(false, "no sandboxes in pond web\n")]
    [InlineData(true, "[]\n")]
    public async Task EmptyPond_SaysSo(bool json, string expected)
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync(["pond", "peers", "--provider", "alpha", "--pond", "web", .. json ? new[] { "--json" } : []]);

        Assert.Equal((0, expected), (result.ExitCode, result.Stdout));
    }

    [Fact]
    public async Task PublishFails_ErrorNamesLeaseAndPortKeepingExitCode()
    {
        using var host = new CliTestHost();
        host.Alpha.Backend.Leases = [Lease("crabbox-web-aaaaaa", "amber-crab")];
        host.Alpha.Backend.OnPublishPeer = _ => throw new CrabboxException(ExitCodes.Auth, "alpha create share: 401 Unauthorized");

        var result = await host.RunAsync("pond", "peers", "--provider", "alpha", "--pond", "web", "--share-port", "8080");

        Assert.Equal(ExitCodes.Auth, result.ExitCode);
        Assert.Equal("crabbox: publish peer isb_crabbox-web-aaaaaa port=8080: alpha create share: 401 Unauthorized\n", result.Stderr);
    }

    [Fact]
    public async Task Help_ExplainsPublishAndDiscovery()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("pond", "peers", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--pond <pond>", "--share-port <port>", "--share-ttl <duration>", "--json", "--provider <name>" })
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pond_WithoutSubcommand_ExitsUsage()
    {
        using var host = new CliTestHost();

        var result = await host.RunAsync("pond");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.EndsWith("crabbox: run 'crabbox pond --help' for usage\n", result.Stderr, StringComparison.Ordinal);
    }

    private static LeaseView Lease(string name, string slug) => new()
    {
        Provider = "alpha",
        Name = name,
        Status = "running",
        Labels = new Dictionary<string, string> { ["lease"] = "isb_" + name, ["slug"] = slug, ["pond"] = "web" },
    };
}
