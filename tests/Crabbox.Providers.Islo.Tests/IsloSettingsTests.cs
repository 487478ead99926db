using System.IO.Compression;
using Crabbox.Providers.Islo.Tests.TestSupport;

namespace Crabbox.Providers.Islo.Tests;

public sealed class IsloSettingsTests
{
    [Fact]
    public void FromConfiguration_Defaults_LeavesCreateFieldsUnset()
    {
        using var harness = new BackendHarness();

        var settings = IsloSettings.FromConfiguration(harness.LoadConfiguration());

        Assert.Null(settings.Image);
        Assert.Null(settings.Vcpus);
        Assert.Null(settings.MemoryMb);
        Assert.Null(settings.DiskGb);
        Assert.Null(settings.GatewayProfile);
        Assert.Null(settings.SnapshotName);
        Assert.Equal("minimal", settings.Init);
        Assert.Equal("crabbox", settings.Workdir);
        Assert.Null(settings.SshUser);
        Assert.Null(settings.SshPort);
        Assert.Null(settings.SshKey);
        Assert.True(settings.SyncDelete);
        Assert.Equal(TimeSpan.FromMinutes(30), settings.IdleTimeout);
        Assert.Equal(TimeSpan.FromMinutes(90), settings.Ttl);
        Assert.Equal(CompressionLevel.Fastest, settings.Compression);
    }

    /// <summary>Flags equal to the defaults still count as explicit, so they are sent.</summary>
    [Fact]
    public void FromConfiguration_FlagsEqualToDefaults_MarkedExplicit()
    {
        using var harness = new BackendHarness();
        harness.Flag(IsloConfigKeys.Image, "--islo-image", IsloConfigKeys.DefaultImage);
        harness.Flag(IsloConfigKeys.Vcpus, "--islo-vcpus", "2");
        harness.Flag(IsloConfigKeys.MemoryMb, "--islo-memory-mb", "4096");
        harness.Flag(IsloConfigKeys.DiskGb, "--islo-disk-gb", "20");

        var settings = IsloSettings.FromConfiguration(harness.LoadConfiguration());

        Assert.Equal(IsloConfigKeys.DefaultImage, settings.Image);
        Assert.Equal(2, settings.Vcpus);
        Assert.Equal(4096, settings.MemoryMb);
        Assert.Equal(20, settings.DiskGb);
    }

    [Fact]
    public void FromConfiguration_EnvironmentAndUserFile_Explicit()
    {
        using var harness = new BackendHarness();
        harness.Variables["CRABBOX_ISLO_VCPUS"] = "4";
        harness.Variables["CRABBOX_ISLO_INIT"] = "full";
        harness.UserConfig = "islo:\n  memoryMB: 8192\n  gatewayProfile: locked\n  snapshotName: warm\nssh:\n  user: dev\n  port: 2200\n  key: ~/.ssh/islo\n";

        var settings = IsloSettings.FromConfiguration(harness.LoadConfiguration());

        Assert.Equal(4, settings.Vcpus);
        Assert.Equal(8192, settings.MemoryMb);
        Assert.Null(settings.DiskGb);
        Assert.Equal("locked", settings.GatewayProfile);
        Assert.Equal("warm", settings.SnapshotName);
        Assert.Equal("full", settings.Init);
        Assert.Equal("dev", settings.SshUser);
        Assert.Equal(2200, settings.SshPort);
        Assert.Equal("~/.ssh/islo", settings.SshKey);
    }

    [Fact]
    public void FromConfiguration_ZeroSizing_NotSent()
    {
        using var harness = new BackendHarness();
        harness.Flag(IsloConfigKeys.Vcpus, "--islo-vcpus", "0");

        var settings = IsloSettings.FromConfiguration(harness.LoadConfiguration());

        Assert.Null(settings.Vcpus);
    }

    /// <summary>On loopback gzip only burns CPU at both ends, so an unset level stores.</summary>
    [Fact]
    public void FromConfiguration_LoopbackComputeWithoutLevel_Stores()
    {
        using var harness = new BackendHarness();

        var settings = IsloSettings.FromConfiguration(harness.LoadConfiguration(), loopbackCompute: true);

        Assert.Equal(CompressionLevel.NoCompression, settings.Compression);
    }

    [Fact]
    public void FromConfiguration_LoopbackComputeWithExplicitLevel_UsesIt()
    {
        using var harness = new BackendHarness();
        harness.Variables["CRABBOX_SYNC_COMPRESSION_LEVEL"] = "1";

        var settings = IsloSettings.FromConfiguration(harness.LoadConfiguration(), loopbackCompute: true);

        Assert.Equal(CompressionLevel.Fastest, settings.Compression);
    }

    [Theory]
    [InlineData(0, CompressionLevel.NoCompression)]
    [InlineData(1, CompressionLevel.Fastest)]
    [InlineData(3, CompressionLevel.Fastest)]
    [InlineData(6, CompressionLevel.Optimal)]
    [InlineData(9, CompressionLevel.SmallestSize)]
    public void CompressionFor_GzipLevel_MapsToDotNetLevel(long level, CompressionLevel expected)
    {
        var compression = IsloSettings.CompressionFor(level);

        Assert.Equal(expected, compression);
    }
}
