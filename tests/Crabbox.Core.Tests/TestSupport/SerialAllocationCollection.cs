namespace Crabbox.Core.Tests.TestSupport;

/// <summary>Tests that measure process-wide allocations; they run after, not alongside, parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialAllocationCollection
{
    public const string Name = "serial allocation checks";
}
