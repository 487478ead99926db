namespace Crabbox.Islo.Emulator.Tests.Support;

/// <summary>
/// One emulator host (bubblewrap required: the tests must exercise real isolation) on a
/// fresh state folder, shared by a test class, with an authenticated client.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    private readonly TempDirectory _state = new();

    public IsloEmulatorHost Host { get; private set; } = null!;

    internal IsloTestClient Client { get; private set; } = null!;

    public string StateDirectory => _state.Path;

    public StringWriter Log { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Host = await IsloEmulatorHost.StartAsync(Configure(new IsloEmulatorOptions { StateDirectory = _state.Path, Log = TextWriter.Synchronized(Log) }), TestTimeouts.Token());
        Client = await IsloTestClient.CreateAsync(Host, TestTimeouts.Token());
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        _state.Dispose();
        GC.SuppressFinalize(this);
    }

    protected virtual IsloEmulatorOptions Configure(IsloEmulatorOptions options) =>
        options with { Isolation = SandboxIsolation.Bubblewrap, KeepAliveInterval = TimeSpan.FromMilliseconds(200) };
}
