namespace Crabbox.Islo.Emulator.Tests.Support;

/// <summary>A host whose sandboxes stay <c>starting</c> (an hour-long start-up delay) and whose archive upload fails.</summary>
public sealed class StartingEmulatorFixture : EmulatorFixture
{
    protected override IsloEmulatorOptions Configure(IsloEmulatorOptions options) =>
        base.Configure(options) with
        {
            StartupDelay = TimeSpan.FromHours(1),
            Faults = new EmulatorFaults { FailFilesArchiveUpload = true },
        };
}
