using System.Globalization;
using System.Net;
using System.Text.Json;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.Http;

public sealed class SandboxEndpointsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private IsloTestClient Client => fixture.Client;

    [Fact]
    public async Task Create_AllFields_Returns201SandboxResponse()
    {
        var name = $"full-{Guid.NewGuid().ToString("N")[..8]}";

        var response = await Client.PostAsync("sandboxes", $$$"""
            {"name":"{{{name}}}","image":"docker.io/library/node:22","vcpus":4,"memory_mb":8192,"disk_gb":30,
             "env":{"A":"1","B":null},"workdir":"proj","init":{"type":"minimal"},"gateway_profile":"default",
             "lifecycle":{"pause_after_idle":900,"auto_resume":"never"},"internet_enabled":true,"unknown_field":{"x":1}}
            """);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var json = response.Json;
        Assert.True(Guid.TryParse(json.GetProperty("id").GetString(), out _));
        Assert.Equal(name, json.GetProperty("name").GetString());
        Assert.Equal("running", json.GetProperty("status").GetString());
        Assert.Equal("docker.io/library/node:22", json.GetProperty("image").GetString());
        Assert.True(DateTimeOffset.TryParseExact(json.GetProperty("created_at").GetString(), "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
        Assert.Equal("emulator", json.GetProperty("created_by").GetString());
        Assert.Equal(4, json.GetProperty("spec").GetProperty("vcpus").GetInt32());
        Assert.Equal(8192, json.GetProperty("spec").GetProperty("memory_mb").GetInt32());
        Assert.Equal(30, json.GetProperty("spec").GetProperty("disk_gb").GetInt32());
        Assert.Equal("proj", json.GetProperty("workdir").GetString());
        Assert.Equal(900, json.GetProperty("lifecycle").GetProperty("pause_after_idle").GetInt32());
        Assert.Equal("bubblewrap", json.GetProperty("isolation").GetString());
    }

    [Fact]
    public async Task CreateAndList_TrailingSlashPaths_AreServedToo()
    {
        var created = await Client.PostAsync("sandboxes/", "{}");
        var listed = await Client.GetAsync("sandboxes/?limit=1");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.OK, listed.Status);
    }

    [Fact]
    public async Task Create_EmptyBody_GeneratesNameAndDefaults()
    {
        var response = await Client.PostAsync("sandboxes", "{}");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var json = response.Json;
        Assert.Matches("^[a-z0-9-]{1,63}$", json.GetProperty("name").GetString());
        Assert.Equal(2, json.GetProperty("spec").GetProperty("vcpus").GetInt32());
        Assert.Equal(4096, json.GetProperty("spec").GetProperty("memory_mb").GetInt32());
        Assert.Equal(20, json.GetProperty("spec").GetProperty("disk_gb").GetInt32());
        Assert.False(json.TryGetProperty("workdir", out _));
        Assert.False(json.TryGetProperty("lifecycle", out _));
    }

    [Theory]
    [InlineData("""{"name":"Upper"}""")]
    [InlineData("""{"name":"has_underscore"}""")]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"name":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""")]
    [InlineData("""{"vcpus":0}""")]
    [InlineData("""{"vcpus":"two"}""")]
    [InlineData("""{"workdir":"../escape"}""")]
    public async Task Create_InvalidInput_Returns400ValidationError(string json)
    {
        var response = await Client.PostAsync("sandboxes", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("VALIDATION_ERROR", response.String("code"));
        Assert.StartsWith("req_", response.String("request_id"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DuplicateName_Returns409SandboxAlreadyExists()
    {
        var name = await Client.CreateSandboxAsync("dup");

        var response = await Client.PostAsync("sandboxes", $$"""{"name":"{{name}}"}""");

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("SANDBOX_ALREADY_EXISTS", response.String("code"));
    }

    [Fact]
    public async Task Create_UnknownSnapshot_Returns404ResourceNotFound()
    {
        var response = await Client.PostAsync("sandboxes", """{"snapshot_name":"no-such-snapshot"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("RESOURCE_NOT_FOUND", response.String("code"));
    }

    [Fact]
    public async Task Get_ByNameAndById_ReturnSameSandbox()
    {
        var name = await Client.CreateSandboxAsync("get");
        var byName = await Client.GetAsync($"sandboxes/{name}");

        var byId = await Client.GetAsync($"sandboxes/-/by-id/{byName.String("id")}");

        Assert.Equal(HttpStatusCode.OK, byName.Status);
        Assert.Equal(HttpStatusCode.OK, byId.Status);
        Assert.Equal(name, byId.String("name"));
    }

    [Theory]
    [InlineData("sandboxes/missing-sandbox")]
    [InlineData("sandboxes/-/by-id/00000000-0000-0000-0000-000000000000")]
    public async Task Get_Unknown_Returns404SandboxNotFound(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("SANDBOX_NOT_FOUND", response.String("code"));
    }

    [Fact]
    public async Task List_CursorPaging_VisitsEverySandboxOnceInCreationOrder()
    {
        var prefix = $"page{Guid.NewGuid().ToString("N")[..6]}";
        var created = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            created.Add(await Client.CreateSandboxAsync(prefix));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Client.GetAsync($"sandboxes?name_prefix={prefix}&limit=2" + (cursor is null ? string.Empty : $"&cursor={cursor}"));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(5, page.Json.GetProperty("total").GetInt32());
            Assert.Equal(2, page.Json.GetProperty("limit").GetInt32());
            seen.AddRange(page.Json.GetProperty("items").EnumerateArray().Select(static item => item.GetProperty("name").GetString()!));
            cursor = page.Json.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(created, seen);
    }

    [Fact]
    public async Task List_Offset_SkipsItemsAndReportsOffset()
    {
        var prefix = $"off{Guid.NewGuid().ToString("N")[..6]}";
        var created = new List<string>();
        for (var index = 0; index < 3; index++)
        {
            created.Add(await Client.CreateSandboxAsync(prefix));
        }

        var page = await Client.GetAsync($"sandboxes?name_prefix={prefix}&limit=100&offset=1");

        Assert.Equal(1, page.Json.GetProperty("offset").GetInt32());
        Assert.Equal(3, page.Json.GetProperty("total").GetInt32());
        Assert.Equal(created.Skip(1), page.Json.GetProperty("items").EnumerateArray().Select(static item => item.GetProperty("name").GetString()));
        Assert.False(page.Json.TryGetProperty("next_cursor", out _));
    }

    [Fact]
    public async Task List_DefaultLimitAndLimitBounds()
    {
        var defaults = await Client.GetAsync("sandboxes");
        var tooLarge = await Client.GetAsync("sandboxes?limit=101");

        Assert.Equal(50, defaults.Json.GetProperty("limit").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.Status);
        Assert.Equal("VALIDATION_ERROR", tooLarge.String("code"));
    }

    [Fact]
    public async Task List_StatusAndSearchFilters_SelectMatchingSandboxes()
    {
        var prefix = $"flt{Guid.NewGuid().ToString("N")[..6]}";
        var running = await Client.CreateSandboxAsync(prefix);
        var paused = await Client.CreateSandboxAsync(prefix);
        await Client.PostAsync($"sandboxes/{paused}/pause");

        var onlyPaused = await Client.GetAsync($"sandboxes?name_prefix={prefix}&status=paused");
        var both = await Client.GetAsync($"sandboxes?name_prefix={prefix}&status=paused&status=running");
        var search = await Client.GetAsync($"sandboxes?q={running}");
        var mine = await Client.GetAsync($"sandboxes?name_prefix={prefix}&created_by=me");
        var others = await Client.GetAsync($"sandboxes?name_prefix={prefix}&created_by=someone-else");

        Assert.Equal([paused], Names(onlyPaused.Json));
        Assert.Equal([running, paused], Names(both.Json));
        Assert.Equal([running], Names(search.Json));
        Assert.Equal(2, mine.Json.GetProperty("total").GetInt32());
        Assert.Equal(0, others.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Delete_Existing_Returns204ThenNotFound()
    {
        var name = await Client.CreateSandboxAsync("del");

        var deleted = await Client.DeleteAsync($"sandboxes/{name}");
        var again = await Client.DeleteAsync($"sandboxes/{name}");
        var get = await Client.GetAsync($"sandboxes/{name}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(string.Empty, deleted.Body);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("SANDBOX_NOT_FOUND", again.String("code"));
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.False(Directory.Exists(Path.Combine(fixture.StateDirectory, "sandboxes", name)));
    }

    [Fact]
    public async Task Delete_WorkspaceLinkingToHostFolder_LeavesHostFolderIntact()
    {
        var name = await Client.CreateSandboxAsync("del");
        using var outside = new TempDirectory();
        var hostFile = Path.Combine(outside.Path, "keep.txt");
        await File.WriteAllTextAsync(hostFile, "keep", TestTimeouts.Token());
        await Client.BashAsync(name, $"ln -s '{outside.Path}' /workspace/host-dir; mkdir -p /workspace/a; ln -s '{outside.Path}' /workspace/a/nested");

        var deleted = await Client.DeleteAsync($"sandboxes/{name}");

        // The folder is removed in the background after the answer; wait (bounded) for it.
        var trash = Path.Combine(fixture.StateDirectory, "trash");
        await ProcessProbe.WaitUntilAsync(() => !Directory.EnumerateFileSystemEntries(trash).Any());
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.True(File.Exists(hostFile));
        Assert.Empty(Directory.EnumerateFileSystemEntries(trash));
    }

    [Fact]
    public async Task Delete_RunningCommand_IsKilledAndStreamEnds()
    {
        var name = await Client.CreateSandboxAsync("kill");
        var marker = ProcessProbe.UniqueSleepArgument();
        var stream = Client.StreamAsync(name, ["sleep", marker]);
        await ProcessProbe.WaitUntilAsync(() => ProcessProbe.CountWithArgument(marker) > 0);
        Assert.Equal(1, ProcessProbe.CountWithArgument(marker));

        var deleted = await Client.DeleteAsync($"sandboxes/{name}");
        var ended = await stream.WaitAsync(TestTimeouts.Ceiling, TestTimeouts.Token());

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(0, ProcessProbe.CountWithArgument(marker));
        Assert.NotEqual(0, ended.ExitCode);
    }

    [Fact]
    public async Task PauseResume_WrongStates_Return409InvalidState()
    {
        var name = await Client.CreateSandboxAsync("state");

        var resumeRunning = await Client.PostAsync($"sandboxes/{name}/resume");
        var pause = await Client.PostAsync($"sandboxes/{name}/pause");
        var pauseAgain = await Client.PostAsync($"sandboxes/{name}/pause");
        var execPaused = await Client.PostAsync($"sandboxes/{name}/exec", """{"command":["true"]}""");
        var resume = await Client.PostAsync($"sandboxes/{name}/resume");

        Assert.Equal(HttpStatusCode.Conflict, resumeRunning.Status);
        Assert.Equal("SANDBOX_INVALID_STATE", resumeRunning.String("code"));
        Assert.Equal(HttpStatusCode.OK, pause.Status);
        Assert.Equal("paused", pause.String("status"));
        Assert.Equal(HttpStatusCode.Conflict, pauseAgain.Status);
        Assert.Equal(HttpStatusCode.Conflict, execPaused.Status);
        Assert.Equal("SANDBOX_INVALID_STATE", execPaused.String("code"));
        Assert.Equal(HttpStatusCode.OK, resume.Status);
        Assert.Equal("running", resume.String("status"));
    }

    [Fact]
    public async Task Pause_LoopingCommand_StopsOutputUntilResume()
    {
        var name = await Client.CreateSandboxAsync("loop");
        var execId = await Client.StartExecAsync(name, ["bash", "-c", "i=0; while true; do i=$((i+1)); echo $i; sleep 0.02; done"]);
        await WaitForOutputGrowthAsync(name, execId, 0);

        var pause = await Client.PostAsync($"sandboxes/{name}/pause");
        var paused = await WaitForStableOutputAsync(name, execId); // output written before SIGSTOP may still drain
        await Task.Delay(400, TestTimeouts.Token());
        var stillPaused = await OutputLengthAsync(name, execId);
        var resume = await Client.PostAsync($"sandboxes/{name}/resume");
        var resumed = await WaitForOutputGrowthAsync(name, execId, stillPaused);
        await Client.DeleteAsync($"sandboxes/{name}");

        Assert.Equal(HttpStatusCode.OK, pause.Status);
        Assert.Equal(paused, stillPaused);
        Assert.Equal(HttpStatusCode.OK, resume.Status);
        Assert.True(resumed > stillPaused);
    }

    [Fact]
    public async Task Stop_RunningSandbox_KillsProcessesAndReportsStopped()
    {
        var name = await Client.CreateSandboxAsync("stop");
        var marker = ProcessProbe.UniqueSleepArgument();
        await Client.StartExecAsync(name, ["sleep", marker]);
        await ProcessProbe.WaitUntilAsync(() => ProcessProbe.CountWithArgument(marker) > 0);

        var stop = await Client.PostAsync($"sandboxes/{name}/stop");
        var status = await Client.GetAsync($"sandboxes/{name}");
        var stopAgain = await Client.PostAsync($"sandboxes/{name}/stop");
        var exec = await Client.PostAsync($"sandboxes/{name}/exec", """{"command":["true"]}""");

        Assert.Equal(HttpStatusCode.NoContent, stop.Status);
        Assert.Equal(0, ProcessProbe.CountWithArgument(marker));
        Assert.Equal("stopped", status.String("status"));
        Assert.Equal(HttpStatusCode.Conflict, stopAgain.Status);
        Assert.Equal(HttpStatusCode.Conflict, exec.Status);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("stop")]
    public async Task Lifecycle_UnknownSandbox_Returns404(string action)
    {
        var response = await Client.PostAsync($"sandboxes/missing-sandbox/{action}");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("SANDBOX_NOT_FOUND", response.String("code"));
    }

    private static List<string> Names(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(static item => item.GetProperty("name").GetString()!)];

    private async Task<int> OutputLengthAsync(string name, string execId)
    {
        var result = await Client.GetAsync($"sandboxes/{name}/exec/{execId}");
        Assert.Equal(HttpStatusCode.OK, result.Status);
        return result.String("stdout").Length;
    }

    private async Task<int> WaitForStableOutputAsync(string name, string execId)
    {
        var token = TestTimeouts.Token();
        var previous = await OutputLengthAsync(name, execId);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(100, token);
            var current = await OutputLengthAsync(name, execId);
            if (current == previous)
            {
                return current;
            }

            previous = current;
        }

        return previous;
    }

    private async Task<int> WaitForOutputGrowthAsync(string name, string execId, int beyond)
    {
        var token = TestTimeouts.Token();
        while (true)
        {
            var length = await OutputLengthAsync(name, execId);
            if (length > beyond)
            {
                return length;
            }

            await Task.Delay(20, token);
        }
    }
}
