using Crabbox.Core.Output;

namespace Crabbox.Core.Tests.Output;

public sealed class LeaseListRendererTests
{
    private static readonly LeaseView s_sandbox = new()
    {
        CloudId = "a1b2c3d4",
        Provider = "islo",
        Name = "crabbox-repo-1a2b3c",
        Status = "running",
        Labels = new Dictionary<string, string>
        {
            ["target"] = "linux",
            ["provider"] = "islo",
            ["lease"] = "isb_crabbox-repo-1a2b3c",
            ["state"] = "running",
            ["slug"] = "blue-prawn",
        },
    };

    private static readonly LeaseView s_server = new()
    {
        Provider = "hetzner",
        HostId = "host-7",
        NumericId = 42,
        Name = "web",
        Status = "off",
        ServerType = "cx22",
        PublicIpv4 = "203.0.113.7",
        PrivateIpv4 = "10.0.0.7",
    };

    [Fact]
    public void WriteText_TwoLeases_WritesPaddedColumnsPerRow()
    {
        var writer = new StringWriter();

        LeaseListRenderer.WriteText(writer, [s_sandbox, s_server]);

        Assert.Equal(
            "a1b2c3d4             crabbox-repo-1a2b3c          running                                     lease=isb_crabbox-repo-1a2b3c slug=blue-prawn keep= target=linux\n" +
            "42                   web                          off          cx22           203.0.113.7     lease= slug=- keep= target=\n",
            writer.ToString());
    }

    [Fact]
    public void WriteText_OrphanLabel_AppendsItsValue()
    {
        var orphan = new LeaseView
        {
            Provider = "islo",
            Name = "orphaned",
            Status = "running",
            Labels = new Dictionary<string, string> { ["keep"] = "true", ["target"] = "linux", ["orphan"] = " orphan=no-claim ", ["slug"] = "Web App" },
        };
        var writer = new StringWriter();

        LeaseListRenderer.WriteText(writer, [orphan]);

        Assert.Equal(
            "0                    orphaned                     running                                     lease= slug=web-app keep=true target=linux orphan=no-claim\n",
            writer.ToString());
    }

    [Fact]
    public void WriteText_NoLeases_WritesNothing()
    {
        var writer = new StringWriter();

        LeaseListRenderer.WriteText(writer, []);

        Assert.Equal(string.Empty, writer.ToString());
    }

    [Fact]
    public void WriteJson_NoLeases_WritesEmptyArrayLine()
    {
        var writer = new StringWriter();

        LeaseListRenderer.WriteJson(writer, []);

        Assert.Equal("[]\n", writer.ToString());
    }

    [Fact]
    public void WriteJson_TwoLeases_WritesGoServerShapeWithSortedLabels()
    {
        var writer = new StringWriter();

        LeaseListRenderer.WriteJson(writer, [s_sandbox, s_server]);

        Assert.Equal(
            "[{\"CloudID\":\"a1b2c3d4\",\"Provider\":\"islo\",\"HostID\":\"\",\"id\":0,\"name\":\"crabbox-repo-1a2b3c\",\"status\":\"running\"," +
            "\"labels\":{\"lease\":\"isb_crabbox-repo-1a2b3c\",\"provider\":\"islo\",\"slug\":\"blue-prawn\",\"state\":\"running\",\"target\":\"linux\"}," +
            "\"public_net\":{\"ipv4\":{\"ip\":\"\"}},\"private_net\":{\"ipv4\":{\"ip\":\"\"}},\"server_type\":{\"name\":\"\"}}," +
            "{\"CloudID\":\"\",\"Provider\":\"hetzner\",\"HostID\":\"host-7\",\"id\":42,\"name\":\"web\",\"status\":\"off\",\"labels\":null," +
            "\"public_net\":{\"ipv4\":{\"ip\":\"203.0.113.7\"}},\"private_net\":{\"ipv4\":{\"ip\":\"10.0.0.7\"}},\"server_type\":{\"name\":\"cx22\"}}]" + "\n",
            writer.ToString());
    }

    [Fact]
    public void WriteJson_SpecialCharacters_AreEscapedOnlyWhereJsonRequires()
    {
        var lease = s_server with { Name = "caf\u00e9 <web> \"q\"", Labels = new Dictionary<string, string>() };
        var writer = new StringWriter();

        LeaseListRenderer.WriteJson(writer, [lease]);

        Assert.Contains("\"name\":\"caf\u00e9 <web> \\\"q\\\"\"", writer.ToString());
        Assert.Contains("\"labels\":null", writer.ToString());
    }
}
