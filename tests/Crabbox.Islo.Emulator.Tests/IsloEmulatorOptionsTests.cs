using System.Net;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests;

/// <summary>Options that change behavior: start-up delay and injected faults.</summary>
public sealed class IsloEmulatorOptionsTests(StartingEmulatorFixture fixture) : IClassFixture<StartingEmulatorFixture>
{
    private IsloTestClient Client => fixture.Client;

    [Fact]
    public async Task StartupDelay_NewSandbox_ReportsStartingAndRefusesExec()
    {
        var name = await Client.CreateSandboxAsync("slow");

        var get = await Client.GetAsync($"sandboxes/{name}");
        var exec = await Client.PostAsync($"sandboxes/{name}/exec/stream", """{"command":["true"]}""");
        var pause = await Client.PostAsync($"sandboxes/{name}/pause");
        var listed = await Client.GetAsync($"sandboxes?name_prefix={name}&status=starting");

        Assert.Equal("starting", get.String("status"));
        Assert.Equal(HttpStatusCode.Conflict, exec.Status);
        Assert.Equal("SANDBOX_INVALID_STATE", exec.String("code"));
        Assert.Equal(HttpStatusCode.Conflict, pause.Status);
        Assert.Equal(1, listed.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task FailFilesArchiveUpload_Upload_Returns500AndExtractsNothing()
    {
        var name = await Client.CreateSandboxAsync("fault");

        var upload = await Client.UploadAsync(name, "files-archive", "/workspace/repo", new TarBuilder().File("a.txt", "a").Build());

        Assert.Equal(HttpStatusCode.InternalServerError, upload.Status);
        Assert.Equal("INTERNAL_ERROR", upload.String("code"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(fixture.StateDirectory, "sandboxes", name, "workspace")));
    }
}
