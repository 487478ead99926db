using Crabbox.Core.Output;

namespace Crabbox.Core.Runs;

/// <summary>Writes a <see cref="TimingReport"/> as one compact JSON line (the <c>--timing-json</c> record).</summary>
public static class TimingReportWriter
{
    /// <summary>
    /// Writes the report; a missing run status / error kind is derived from the exit code, and
    /// empty strings, lists and zero optional numbers are left out.
    /// </summary>
    public static void Write(TextWriter writer, TimingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var derived = RunOutcome.Derive(report.ExitCode);
        var status = report.RunStatus ?? derived.Status;
        var kind = report.ErrorKind == RunErrorKind.None ? derived.ErrorKind : report.ErrorKind;
        var document = new TimingReportDocument
        {
            Provider = report.Provider,
            LeaseId = Empty(report.LeaseId),
            Slug = Empty(report.Slug),
            LeaseMs = report.LeaseMs,
            BootstrapMs = report.BootstrapMs,
            SyncMs = report.SyncMs,
            SyncPhases = report.SyncPhases is { Count: > 0 } phases
                ? [.. phases.Select(phase => phase with { Reason = Empty(phase.Reason) })]
                : null,
            SyncSkipped = report.SyncSkipped,
            SyncDelegated = report.SyncDelegated,
            CommandMs = report.CommandMs,
            TotalMs = report.TotalMs,
            EndToEndMs = report.EndToEndMs,
            ExitCode = report.ExitCode,
            RunStatus = RunOutcome.ToText(status),
            ErrorKind = RunOutcome.ToText(kind),
            RunId = Empty(report.RunId),
            Label = Empty(report.Label?.Trim()),
            Artifacts = report.Artifacts is { Count: > 0 } artifacts ? artifacts : null,
            LeaseStopped = report.LeaseStopped,
            LeaseStopError = Empty(report.LeaseStopError),
        };
        CoreJsonContext.WriteLine(writer, document, CoreJsonContext.Compact.TimingReportDocument);
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
