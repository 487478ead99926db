using Crabbox.Core.Leases;
using Crabbox.Providers.Islo.Api;
using Crabbox.Providers.Islo.Leases;

namespace Crabbox.Providers.Islo.Tests.Leases;

public sealed class IsloViewsTests
{
    private static readonly IsloLease s_lease = new("isb_crabbox-repo-abcdef", "crabbox-repo-abcdef", "Web", Claimed: true);

    [Fact]
    public void Status_RunningSandbox_ReadyViewWithLabels()
    {
        var claim = new LeaseClaim { LeaseId = s_lease.LeaseId, Pond = "Alpha Pond", Labels = new Dictionary<string, string> { ["tailscale"] = "true", ["slug"] = "stale" } };

        var view = IsloViews.Status("islo", s_lease, new IsloSandbox { Name = s_lease.Name, Status = "running", Image = "ubuntu:26.04" }, claim);

        Assert.Equal("isb_crabbox-repo-abcdef", view.Id);
        Assert.Equal("web", view.Slug);
        Assert.Equal("islo", view.Provider);
        Assert.Equal("linux", view.Target);
        Assert.Equal("running", view.State);
        Assert.Equal("crabbox-repo-abcdef", view.ServerId);
        Assert.Equal("ubuntu:26.04", view.ServerType);
        Assert.Equal("", view.Host);
        Assert.Equal("public", view.Network);
        Assert.True(view.Ready);
        Assert.False(view.HasHost);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["tailscale"] = "true",
                ["provider"] = "islo",
                ["lease"] = "isb_crabbox-repo-abcdef",
                ["slug"] = "web",
                ["state"] = "running",
                ["pond"] = "alpha-pond",
            },
            view.Labels);
    }

    [Fact]
    public void Status_PausedSandbox_NotReady()
    {
        var view = IsloViews.Status("local", s_lease, new IsloSandbox { Name = s_lease.Name, Status = "paused" }, null);

        Assert.False(view.Ready);
        Assert.Equal("paused", view.State);
        Assert.Equal("local", view.Labels!["provider"]);
    }

    [Fact]
    public void List_UnclaimedSandbox_GeneratedSlugAndCloudId()
    {
        var view = IsloViews.List("islo", new IsloSandbox { Id = "6f1c", Name = "crabbox-repo-abcdef", Status = "running" }, null);

        Assert.Equal("6f1c", view.CloudId);
        Assert.Equal("islo", view.Provider);
        Assert.Equal("crabbox-repo-abcdef", view.Name);
        Assert.Equal("running", view.Status);
        Assert.Equal("", view.ServerType);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["provider"] = "islo",
                ["lease"] = "isb_crabbox-repo-abcdef",
                ["slug"] = "silver-lobster",
                ["target"] = "linux",
                ["state"] = "running",
            },
            view.Labels);
    }
}
