using Crabbox.Core.Runs;

namespace Crabbox.Core.Tests.Runs;

public sealed class TimingReportWriterTests
{
    private static string Write(TimingReport report)
    {
        var writer = new StringWriter();
        TimingReportWriter.Write(writer, report);
        return writer.ToString();
    }

    [Fact]
    public void Write_SuccessfulDelegatedRun_WritesReferenceKeysInOrder()
    {
        var report = new TimingReport
        {
            Provider = "islo",
            LeaseId = "isb_crabbox-repo-1a2b3c",
            Slug = "blue-prawn",
            SyncMs = 1234,
            SyncPhases = [new TimingPhase { Name = "archive", Ms = 1200 }],
            SyncDelegated = true,
            CommandMs = 5000,
            TotalMs = 6500,
            ExitCode = 0,
            Label = "  nightly ",
            Artifacts = [new TimingArtifact { Kind = "download", Path = "out/report.xml", Bytes = 2048 }],
        };

        var json = Write(report);

        Assert.Equal(
            "{\"provider\":\"islo\",\"leaseId\":\"isb_crabbox-repo-1a2b3c\",\"slug\":\"blue-prawn\",\"syncMs\":1234," +
            "\"syncPhases\":[{\"name\":\"archive\",\"ms\":1200}],\"syncSkipped\":false,\"syncDelegated\":true,\"commandMs\":5000," +
            "\"totalMs\":6500,\"endToEndMs\":0,\"exitCode\":0,\"runStatus\":\"succeeded\",\"label\":\"nightly\"," +
            "\"artifacts\":[{\"kind\":\"download\",\"path\":\"out/report.xml\",\"bytes\":2048}]}" + "\n",
            json);
    }

    [Fact]
    public void Write_CommandExit42_DerivesFailedCommandExit()
    {
        var report = new TimingReport
        {
            Provider = "islo",
            LeaseId = "isb_crabbox-repo-1a2b3c",
            Slug = "blue-prawn",
            SyncPhases = [new TimingPhase { Name = "sync", Skipped = true, Reason = "--no-sync" }],
            SyncSkipped = true,
            SyncDelegated = true,
            CommandMs = 10,
            TotalMs = 12,
            ExitCode = 42,
        };

        var json = Write(report);

        Assert.Equal(
            "{\"provider\":\"islo\",\"leaseId\":\"isb_crabbox-repo-1a2b3c\",\"slug\":\"blue-prawn\",\"syncMs\":0," +
            "\"syncPhases\":[{\"name\":\"sync\",\"skipped\":true,\"reason\":\"--no-sync\"}],\"syncSkipped\":true,\"syncDelegated\":true," +
            "\"commandMs\":10,\"totalMs\":12,\"endToEndMs\":0,\"exitCode\":42,\"runStatus\":\"failed\",\"errorKind\":\"command-exit\"}" + "\n",
            json);
    }

    [Fact]
    public void Write_WarmupMinimal_OmitsEverythingOptional()
    {
        var report = new TimingReport { Provider = "islo", LeaseId = "isb_x", Slug = "", TotalMs = 3000, SyncPhases = [], Artifacts = [], Label = "  " };

        var json = Write(report);

        Assert.Equal(
            "{\"provider\":\"islo\",\"leaseId\":\"isb_x\",\"syncMs\":0,\"syncSkipped\":false,\"commandMs\":0,\"totalMs\":3000,\"endToEndMs\":0,\"exitCode\":0,\"runStatus\":\"succeeded\"}" + "\n",
            json);
    }

    [Fact]
    public void Write_SshRunWithCleanupFailure_WritesLeaseTimingsAndStopError()
    {
        var report = new TimingReport
        {
            Provider = "hetzner",
            LeaseMs = 900,
            BootstrapMs = 300,
            SyncMs = 100,
            CommandMs = 200,
            TotalMs = 1500,
            EndToEndMs = 2400,
            RunId = "run_0123456789ab",
            LeaseStopped = false,
            LeaseStopError = "delete server: boom",
        };

        var json = Write(report);

        Assert.Equal(
            "{\"provider\":\"hetzner\",\"leaseMs\":900,\"bootstrapMs\":300,\"syncMs\":100,\"syncSkipped\":false,\"commandMs\":200," +
            "\"totalMs\":1500,\"endToEndMs\":2400,\"exitCode\":0,\"runStatus\":\"succeeded\",\"runId\":\"run_0123456789ab\"," +
            "\"leaseStopped\":false,\"leaseStopError\":\"delete server: boom\"}" + "\n",
            json);
    }

    [Fact]
    public void Write_ExplicitOutcome_IsKeptOverDerivation()
    {
        var report = new TimingReport { Provider = "islo", ExitCode = 1, RunStatus = RunStatus.Failed, ErrorKind = RunErrorKind.ProviderError, LeaseStopped = true };

        var json = Write(report);

        Assert.EndsWith("""
            "exitCode":1,"runStatus":"failed","errorKind":"provider-error","leaseStopped":true}

            """, json);
    }

    [Fact]
    public void Write_TimedOut_WritesHyphenatedStatus()
    {
        var report = new TimingReport { Provider = "islo", ExitCode = 5, RunStatus = RunStatus.TimedOut, ErrorKind = RunErrorKind.Timeout };

        var json = Write(report);

        Assert.Contains("\"runStatus\":\"timed-out\",\"errorKind\":\"timeout\"", json);
    }
}
