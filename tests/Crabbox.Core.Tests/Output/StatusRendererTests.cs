using Crabbox.Core.Output;

namespace Crabbox.Core.Tests.Output;

public sealed class StatusRendererTests
{
    private static readonly StatusView s_islo = new()
    {
        Id = "isb_crabbox-repo-1a2b3c",
        Slug = "blue-prawn",
        Provider = "islo",
        State = "running",
        ServerId = "crabbox-repo-1a2b3c",
        ServerType = "ubuntu:24.04",
        Ready = true,
        Labels = new Dictionary<string, string> { ["state"] = "running", ["lease"] = "isb_crabbox-repo-1a2b3c", ["provider"] = "islo" },
    };

    private static readonly StatusView s_full = s_islo with
    {
        Target = "windows",
        WindowsMode = "wsl2",
        Host = "203.0.113.7",
        Pond = "alpha",
        SshHost = "203.0.113.7",
        SshUser = "crabbox",
        SshPort = "2222",
        SshKey = "/home/u/.config/crabbox/testboxes/cbx_abcdef123456/id_ed25519",
        IdleTimeout = TimeSpan.FromMinutes(30),
        ExpiresAt = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(2)),
        HasHost = true,
    };

    [Fact]
    public void WriteText_IsloView_WritesDashesForMissingValues()
    {
        var writer = new StringWriter();

        StatusRenderer.WriteText(writer, s_islo);

        Assert.Equal(
            "isb_crabbox-repo-1a2b3c slug=blue-prawn provider=islo target=linux windows_mode=- state=running type=ubuntu:24.04 " +
            "host= pond=- network=public ready=true has_host=false idle_for=- idle_timeout=- expires=-\n",
            writer.ToString());
    }

    [Fact]
    public void WriteText_FullView_FormatsDurationAndExpiry()
    {
        var writer = new StringWriter();

        StatusRenderer.WriteText(writer, s_full with { Slug = null, Ready = false });

        Assert.Equal(
            "isb_crabbox-repo-1a2b3c slug=- provider=islo target=windows windows_mode=wsl2 state=running type=ubuntu:24.04 " +
            "host=203.0.113.7 pond=alpha network=public ready=false has_host=true idle_for=- idle_timeout=30m0s expires=2026-11-23T10:00:00Z\n",
            writer.ToString());
    }

    [Fact]
    public void WriteJson_IsloView_OmitsEmptyOptionalKeys()
    {
        var writer = new StringWriter();

        StatusRenderer.WriteJson(writer, s_islo);

        Assert.Equal(
            "{\"id\":\"isb_crabbox-repo-1a2b3c\",\"slug\":\"blue-prawn\",\"provider\":\"islo\",\"target\":\"linux\",\"state\":\"running\"," +
            "\"serverId\":\"crabbox-repo-1a2b3c\",\"serverType\":\"ubuntu:24.04\",\"host\":\"\",\"network\":\"public\",\"sshHost\":\"\",\"sshUser\":\"\"," +
            "\"sshPort\":\"\",\"sshKey\":\"\",\"labels\":{\"lease\":\"isb_crabbox-repo-1a2b3c\",\"provider\":\"islo\",\"state\":\"running\"}," +
            "\"hasHost\":false,\"ready\":true}" + "\n",
            writer.ToString());
    }

    [Fact]
    public void WriteJson_FullView_WritesEveryKeyInReferenceOrder()
    {
        var writer = new StringWriter();

        StatusRenderer.WriteJson(writer, s_full);

        Assert.Equal(
            "{\"id\":\"isb_crabbox-repo-1a2b3c\",\"slug\":\"blue-prawn\",\"provider\":\"islo\",\"target\":\"windows\",\"windowsMode\":\"wsl2\"," +
            "\"state\":\"running\",\"serverId\":\"crabbox-repo-1a2b3c\",\"serverType\":\"ubuntu:24.04\",\"host\":\"203.0.113.7\",\"pond\":\"alpha\"," +
            "\"network\":\"public\",\"sshHost\":\"203.0.113.7\",\"sshUser\":\"crabbox\",\"sshPort\":\"2222\"," +
            "\"sshKey\":\"/home/u/.config/crabbox/testboxes/cbx_abcdef123456/id_ed25519\",\"idleTimeout\":\"30m0s\"," +
            "\"expiresAt\":\"2026-11-23T10:00:00Z\",\"labels\":{\"lease\":\"isb_crabbox-repo-1a2b3c\",\"provider\":\"islo\",\"state\":\"running\"}," +
            "\"hasHost\":true,\"ready\":true}" + "\n",
            writer.ToString());
    }

    [Fact]
    public void WriteJson_EmptyStringsAndLabels_AreOmitted()
    {
        var view = s_islo with { Slug = "", WindowsMode = "", Pond = "", IdleTimeout = TimeSpan.Zero, Labels = new Dictionary<string, string>() };
        var writer = new StringWriter();

        StatusRenderer.WriteJson(writer, view);

        var json = writer.ToString();
        Assert.DoesNotContain("\"slug\"", json);
        Assert.DoesNotContain("\"windowsMode\"", json);
        Assert.DoesNotContain("\"pond\"", json);
        Assert.DoesNotContain("\"idleTimeout\"", json);
        Assert.DoesNotContain("\"labels\"", json);
        Assert.DoesNotContain("\"expiresAt\"", json);
    }
}
