using Crabbox.Core.Output;

namespace Crabbox.Core.Tests.Output;

public sealed class SshCommandRendererTests
{
    private const string CommonOptions =
        "-o ForwardAgent=no -o ForwardX11=no -o ForwardX11Trusted=no -o BatchMode=yes -o ConnectTimeout=10 " +
        "-o ConnectionAttempts=3 -o ServerAliveInterval=15 -o ServerAliveCountMax=2";

    [Fact]
    public void Format_IsloTargetWithKnownHosts_PinsHostKeyFileAndMultiplexes()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "multiplexing options differ on Windows");
        var target = new SshTarget
        {
            User = "islo",
            Host = "crabbox-repo-1a2b3c.islo",
            KnownHostsFile = "/home/u/.config/crabbox/testboxes/isb_crabbox-repo-1a2b3c/known_hosts",
        };

        var line = SshCommandRenderer.Format(target);

        Assert.Equal(
            $"ssh {CommonOptions} -p 22 -o StrictHostKeyChecking=accept-new " +
            "-o UserKnownHostsFile=/home/u/.config/crabbox/testboxes/isb_crabbox-repo-1a2b3c/known_hosts " +
            "-o ControlMaster=auto -o ControlPersist=10m -o 'ControlPath=/tmp/crabbox-ssh-4cd860e2-%C' islo@crabbox-repo-1a2b3c.islo",
            line);
    }

    [Fact]
    public void Format_ExplicitKeyWithoutKnownHosts_PrependsIdentityOptions()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "multiplexing options differ on Windows");
        var target = new SshTarget { User = "dev", Host = "203.0.113.7", Port = 2222, KeyPath = "/home/u/.ssh/id_ed25519" };

        var line = SshCommandRenderer.Format(target);

        Assert.Equal(
            $"ssh -i /home/u/.ssh/id_ed25519 -o IdentitiesOnly=yes {CommonOptions} -p 2222 " +
            "-o ControlMaster=auto -o ControlPersist=10m -o 'ControlPath=/tmp/crabbox-ssh-c4920742-%C' dev@203.0.113.7",
            line);
    }

    [Fact]
    public void Format_KnownHostsPathWithSpace_QuotesForSshConfigAndShell()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "multiplexing options differ on Windows");
        var target = new SshTarget { User = "dev", Host = "box", KnownHostsFile = "/home/u/my dir/known_hosts" };

        var line = SshCommandRenderer.Format(target);

        Assert.Contains(" -o 'UserKnownHostsFile=\"/home/u/my dir/known_hosts\"' ", line);
        Assert.Contains("'ControlPath=/tmp/crabbox-ssh-fbe2ed5e-%C'", line);
    }

    [Fact]
    public void Format_HostileUser_IsShellQuoted()
    {
        var target = new SshTarget { User = "a;rm -rf", Host = "box" };

        var line = SshCommandRenderer.Format(target);

        Assert.EndsWith(" 'a;rm -rf@box'", line);
    }

    [Fact]
    public void Arguments_Windows_DisablesMultiplexing()
    {
        var target = new SshTarget { User = "dev", Host = "box" };

        var args = SshCommandRenderer.Arguments(target, windows: true);

        Assert.Equal(["-o", "ControlMaster=no", "-o", "ControlPath=none", "-o", "ControlPersist=no", "dev@box"], args.TakeLast(7));
    }

    [Fact]
    public void ControlPath_DifferentKnownHosts_DiffersPerLease()
    {
        var first = new SshTarget { User = "islo", Host = "a.islo", KnownHostsFile = "/k/isb_a/known_hosts" };
        var second = first with { Host = "b.islo", KnownHostsFile = "/k/isb_b/known_hosts" };

        var paths = (SshCommandRenderer.ControlPath(first), SshCommandRenderer.ControlPath(second));

        Assert.NotEqual(paths.Item1, paths.Item2);
        Assert.Equal(SshCommandRenderer.ControlPath(first), SshCommandRenderer.ControlPath(first with { Host = "other" }));
    }

    [Fact]
    public void Write_Target_EndsWithNewline()
    {
        var writer = new StringWriter();

        SshCommandRenderer.Write(writer, new SshTarget { User = "dev", Host = "box" });

        Assert.StartsWith("ssh -o ForwardAgent=no ", writer.ToString());
        Assert.EndsWith(" dev@box\n", writer.ToString());
    }
}
