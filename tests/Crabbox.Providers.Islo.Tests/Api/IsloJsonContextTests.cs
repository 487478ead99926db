using System.Text.Json;
using Crabbox.Providers.Islo.Api;

namespace Crabbox.Providers.Islo.Tests.Api;

public sealed class IsloJsonContextTests
{
    [Fact]
    public void CreateSandboxRequest_OnlyName_OtherFieldsOmitted()
    {
        var request = new IsloCreateSandboxRequest { Name = "crabbox-repo-abc" };

        var json = JsonSerializer.Serialize(request, IsloJsonContext.Default.IsloCreateSandboxRequest);

        Assert.Equal("""{"name":"crabbox-repo-abc"}""", json);
    }

    [Fact]
    public void CreateSandboxRequest_AllFields_SnakeCaseOnTheWire()
    {
        var request = new IsloCreateSandboxRequest
        {
            Name = "sb",
            Image = "docker.io/library/ubuntu:26.04",
            GatewayProfile = "default",
            SnapshotName = "snap",
            Vcpus = 4,
            MemoryMb = 8192,
            DiskGb = 80,
            Init = IsloSandboxInit.Minimal,
            Env = new Dictionary<string, string> { ["CI"] = "1" },
            Workdir = "crabbox",
            Lifecycle = new IsloLifecyclePolicy { PauseAfterIdle = 900, AutoResume = "never" },
        };

        var json = JsonSerializer.Serialize(request, IsloJsonContext.Default.IsloCreateSandboxRequest);

        Assert.Equal(
            """{"name":"sb","image":"docker.io/library/ubuntu:26.04","gateway_profile":"default","snapshot_name":"snap","vcpus":4,"memory_mb":8192,"disk_gb":80,"init":{"type":"minimal"},"env":{"CI":"1"},"workdir":"crabbox","lifecycle":{"pause_after_idle":900,"auto_resume":"never"}}""",
            json);
    }

    [Fact]
    public void SandboxInit_Custom_CapabilitiesAndAwaitReady()
    {
        var init = new IsloSandboxInit { Type = "custom", Capabilities = ["ssh", "docker"], AwaitReady = true };

        var json = JsonSerializer.Serialize(new IsloCreateSandboxRequest { Init = init }, IsloJsonContext.Default.IsloCreateSandboxRequest);

        Assert.Equal("""{"init":{"type":"custom","capabilities":["ssh","docker"],"await_ready":true}}""", json);
    }

    [Fact]
    public void ExecRequest_CommandOnly_CommandAlwaysPresent()
    {
        var request = new IsloExecRequest { Command = [] };

        var json = JsonSerializer.Serialize(request, IsloJsonContext.Default.IsloExecRequest);

        Assert.Equal("""{"command":[]}""", json);
    }

    [Fact]
    public void ExecRequest_AllFields_SnakeCaseOnTheWire()
    {
        var request = new IsloExecRequest
        {
            Command = ["bash", "-lc", "pnpm test"],
            Env = new Dictionary<string, string> { ["FOO"] = "bar" },
            Workdir = "/workspace/crabbox",
            User = "islo",
            TimeoutSecs = 30,
        };

        var json = JsonSerializer.Serialize(request, IsloJsonContext.Default.IsloExecRequest);

        Assert.Equal(
            """{"command":["bash","-lc","pnpm test"],"env":{"FOO":"bar"},"workdir":"/workspace/crabbox","user":"islo","timeout_secs":30}""",
            json);
    }

    [Fact]
    public void Sandbox_ResponseWithUnknownFields_Parsed()
    {
        const string json = """
            {"id":"6f1c","name":"crabbox-repo-abc","status":"running","image":"ubuntu","created_at":"2026-08-01T12:00:00Z",
             "created_by":"user_1","creation_phase":"ready","deleted_at":null,"lifecycle":{"auto_resume":"never"},
             "setup_steps":[{"name":"clone","status":"ok"}],"spec":{"vcpus":2,"memory_mb":4096,"disk_gb":20},
             "workdir":"/workspace","network":{"ip":"10.0.0.2"}}
            """;

        var sandbox = JsonSerializer.Deserialize(json, IsloJsonContext.Default.IsloSandbox)!;

        Assert.Equal("6f1c", sandbox.Id);
        Assert.Equal("crabbox-repo-abc", sandbox.Name);
        Assert.Equal("running", sandbox.Status);
        Assert.Equal("ubuntu", sandbox.Image);
        Assert.Equal("2026-08-01T12:00:00Z", sandbox.CreatedAt);
        Assert.Equal("user_1", sandbox.CreatedBy);
        Assert.Equal("ready", sandbox.CreationPhase);
        Assert.Equal(new IsloSandboxSpec { Vcpus = 2, MemoryMb = 4096, DiskGb = 20 }, sandbox.Spec);
        Assert.Equal("/workspace", sandbox.Workdir);
    }

    [Fact]
    public void SandboxPage_Response_Parsed()
    {
        const string json = """{"items":[{"name":"a"},{"name":"b"}],"total":2,"limit":100,"offset":0,"next_cursor":"c2"}""";

        var page = JsonSerializer.Deserialize(json, IsloJsonContext.Default.IsloSandboxPage)!;

        Assert.Equal(["a", "b"], page.Items!.Select(s => s.Name));
        Assert.Equal((2, 100, 0, "c2"), (page.Total, page.Limit, page.Offset, page.NextCursor));
    }

    [Fact]
    public void ErrorBody_CurrentAndLegacyShapes_Parsed()
    {
        const string json = """{"code":"SANDBOX_ALREADY_EXISTS","message":"taken","request_id":"req_1","hint":"pick another","details":{"name":"x"},"detail":[{"loc":["body"],"msg":"bad"}],"error":"conflict","available":1}""";

        var error = JsonSerializer.Deserialize(json, IsloJsonContext.Default.IsloErrorBody)!;

        Assert.Equal("SANDBOX_ALREADY_EXISTS", error.Code);
        Assert.Equal("taken", error.Message);
        Assert.Equal("req_1", error.RequestId);
        Assert.Equal("pick another", error.Hint);
        Assert.Equal(JsonValueKind.Object, error.Details!.Value.ValueKind);
        Assert.Equal(JsonValueKind.Array, error.Detail!.Value.ValueKind);
        Assert.Equal("conflict", error.Error!.Value.GetString());
    }

    [Fact]
    public void ExecResult_Response_Parsed()
    {
        const string json = """{"exec_id":"ex_1","status":"completed","exit_code":3,"stdout":"out","stderr":"err","truncated":true}""";

        var result = JsonSerializer.Deserialize(json, IsloJsonContext.Default.IsloExecResult)!;

        Assert.Equal(new IsloExecResult { ExecId = "ex_1", Status = "completed", ExitCode = 3, Stdout = "out", Stderr = "err", Truncated = true }, result);
    }

    [Fact]
    public void Requests_ToString_ListEnvNamesNotValues()
    {
        var env = new Dictionary<string, string> { ["TOKEN"] = "s3cr3t-value", ["CI"] = "true" };
        var exec = new IsloExecRequest { Command = ["env"], Env = env };
        var create = new IsloCreateSandboxRequest { Name = "sb", Env = env };

        var texts = new[] { exec.ToString(), create.ToString() };

        Assert.All(texts, text => Assert.DoesNotContain("s3cr3t-value", text, StringComparison.Ordinal));
        Assert.All(texts, text => Assert.Contains("Env = [CI, TOKEN]", text, StringComparison.Ordinal));
    }

    [Fact]
    public void TokenDtos_ToString_HideSecrets()
    {
        var request = new IsloTokenRequest("ak_secret_value_1234");
        var response = new IsloTokenResponse { SessionToken = "jwt.secret.value", CookieMaxAge = 3600 };

        var texts = new[] { request.ToString(), response.ToString() };

        Assert.DoesNotContain("ak_secret_value_1234", texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("jwt.secret.value", texts[1], StringComparison.Ordinal);
        Assert.Contains("CookieMaxAge = 3600", texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void TokenRequest_Serialized_AccessKeyField()
    {
        var request = new IsloTokenRequest("ak_value");

        var json = JsonSerializer.Serialize(request, IsloJsonContext.Default.IsloTokenRequest);

        Assert.Equal("""{"access_key":"ak_value"}""", json);
    }
}
