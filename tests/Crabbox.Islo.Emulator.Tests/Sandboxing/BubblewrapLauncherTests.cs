using Crabbox.Islo.Emulator.Sandboxing;
using Crabbox.Islo.Emulator.State;
using Crabbox.Islo.Emulator.Tests.Support;

namespace Crabbox.Islo.Emulator.Tests.Sandboxing;

/// <summary>Isolation as a command inside the sandbox experiences it (real bubblewrap).</summary>
public sealed class BubblewrapLauncherTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private IsloTestClient Client => fixture.Client;

    [Fact]
    public async Task Sandboxes_CannotSeeEachOthersFilesOrTheStateDirectory()
    {
        var first = await Client.CreateSandboxAsync("iso-a");
        var second = await Client.CreateSandboxAsync("iso-b");
        await Client.BashAsync(first, "echo secret > /workspace/secret.txt; echo tmp-secret > /tmp/secret.txt");
        var firstWorkspace = Path.Combine(fixture.StateDirectory, "sandboxes", first, "workspace");

        var ownWorkspace = await Client.BashAsync(second, "ls -A /workspace");
        var otherByHostPath = await Client.StreamAsync(second, ["cat", Path.Combine(firstWorkspace, "secret.txt")]);
        var listOther = await Client.StreamAsync(second, ["ls", firstWorkspace]);
        var listState = await Client.StreamAsync(second, ["ls", fixture.StateDirectory]);
        var otherTmp = await Client.StreamAsync(second, ["cat", "/tmp/secret.txt"]);

        Assert.Equal(string.Empty, ownWorkspace.Stdout);
        Assert.NotEqual(0, otherByHostPath.ExitCode);
        Assert.DoesNotContain("secret", otherByHostPath.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, listOther.ExitCode);
        Assert.NotEqual(0, listState.ExitCode);
        Assert.NotEqual(0, otherTmp.ExitCode);
        Assert.True(File.Exists(Path.Combine(firstWorkspace, "secret.txt")));
    }

    [Fact]
    public async Task Tmp_PersistsAcrossExecsOfOneSandbox()
    {
        var name = await Client.CreateSandboxAsync("tmp");

        await Client.BashAsync(name, "echo remembered > /tmp/state");
        var later = await Client.BashAsync(name, "cat /tmp/state");

        Assert.Equal("remembered\n", later.Stdout);
    }

    [Fact]
    public async Task Sandbox_SystemIsReadOnlyAndNamespacesAreOwn()
    {
        var name = await Client.CreateSandboxAsync("ro");

        var writeUsr = await Client.StreamAsync(name, ["bash", "-c", "touch /usr/islo-emulator-test"]);
        var identity = await Client.BashAsync(name, "hostname; echo $$; test -d /proc/1 && echo has-proc");

        Assert.NotEqual(0, writeUsr.ExitCode);
        Assert.False(File.Exists("/usr/islo-emulator-test"));
        var lines = identity.Stdout.Split('\n');
        Assert.Equal(name, lines[0]);
        Assert.True(int.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture) < 10, "a new PID namespace numbers the command low");
        Assert.Equal("has-proc", lines[2]);
    }

    /// <summary>The whole host /etc is bound; password hashes and SSH host keys must not come with it (crabbox may run as root in CI).</summary>
    [Fact]
    public async Task Sandbox_ShadowFilesAndSshHostKeys_Hidden()
    {
        var name = await Client.CreateSandboxAsync("etc");
        var kept = File.Exists("/etc/ssh/ssh_config") ? await File.ReadAllTextAsync("/etc/ssh/ssh_config", TestTimeouts.Token()) : string.Empty;

        var shadow = await Client.StreamAsync(name, ["cat", "/etc/shadow"]);
        var gshadow = await Client.StreamAsync(name, ["cat", "/etc/gshadow"]);
        var ssh = await Client.BashAsync(name, "ls -A /etc/ssh | grep -v -x -e ssh_config -e ssh_config.d -e ssh_known_hosts; cat /etc/ssh/ssh_config 2>/dev/null");
        var writeSsh = await Client.StreamAsync(name, ["touch", "/etc/ssh/planted"]);

        // /dev/null on a nodev bind cannot be opened: reading fails like it does for a non-root user.
        Assert.Equal(string.Empty, shadow.Stdout);
        Assert.Equal(string.Empty, gshadow.Stdout);
        Assert.Equal(kept, ssh.Stdout);
        Assert.NotEqual(0, writeSsh.ExitCode);
    }

    [Fact]
    public async Task Sandbox_HasTheToolsCrabboxHelperCommandsUse()
    {
        var name = await Client.CreateSandboxAsync("tools");
        var ws = "/workspace/repo";
        const string chunk = "H4sIACMLBGsC/+3RQQrCMBQE0Kw9RU4gQUM9T5FKC5VCjOLxjd0I7hXB9zbzmc0s/jjM87Kt9xo+JzVdzms275nSbv+61/7QpRxiCl9wvdS+tMnwn8bn/+OpLOfYl+M43YZNAAAAAAAAAAAA4Pc9AF1w8mQAKAAA"; // tar.gz of hello.txt

        var prepare = await Client.BashAsync(name, $"rm -rf '{ws}' && mkdir -p '{ws}'");
        var append = await Client.StreamAsync(name, ["bash", "-lc", $"printf %s '{chunk}' >> '/tmp/crabbox-abc123.tgz.b64'"]);
        var finalize = await Client.StreamAsync(name, ["bash", "-lc",
            $"if base64 -d '/tmp/crabbox-abc123.tgz.b64' > '/tmp/crabbox-abc123.tgz' 2>/dev/null; then :; else base64 --decode '/tmp/crabbox-abc123.tgz.b64' > '/tmp/crabbox-abc123.tgz'; fi && tar -xzf '/tmp/crabbox-abc123.tgz' -C '{ws}'; status=$?; rm -f '/tmp/crabbox-abc123.tgz.b64' '/tmp/crabbox-abc123.tgz'; exit $status"]);
        var extracted = await Client.BashAsync(name, $"cat {ws}/hello.txt");
        await Client.BashAsync(name, $"mkdir -p {ws}/out && printf 'artifact' > {ws}/out/result.txt");
        var script = string.Join('\n',
            "set -euo pipefail",
            $"cd '{ws}'",
            "remote='out/result.txt'",
            $"workspace_real=$(realpath -e -- '{ws}')",
            "resolved=$(realpath -e -- \"$remote\")",
            "expected=\"$workspace_real/$remote\"",
            "test \"$resolved\" = \"$expected\"",
            "test -f \"$resolved\"",
            "exec 3< \"$resolved\"",
            "opened=$(readlink -f -- /proc/$$/fd/3)",
            "test \"$opened\" = \"$resolved\"",
            "test -f /proc/$$/fd/3",
            "head -c 65537 <&3 | base64");
        var artifact = await Client.StreamAsync(name, ["timeout", "--kill-after=1s", "15s", "bash", "--noprofile", "--norc", "-c", script]);
        var tools = await Client.BashAsync(name, "command -v git python3 tar base64 timeout realpath");

        Assert.Equal(0, prepare.ExitCode);
        Assert.Equal(0, append.ExitCode);
        Assert.Equal(0, finalize.ExitCode);
        Assert.Equal("hello from archive\n", extracted.Stdout);
        Assert.Equal(0, artifact.ExitCode);
        Assert.Equal("artifact", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(artifact.Stdout.Trim())));
        Assert.Equal(0, tools.ExitCode);
    }

    [Fact]
    public void CreateStartInfo_Arguments_IsolateAndKeepEnvironmentOutOfArgv()
    {
        var layout = new StateLayout("/opt/crabbox-state");
        var launcher = new BubblewrapLauncher("/usr/bin/bwrap", layout);
        var paths = layout.Sandbox("demo");

        var startInfo = launcher.CreateStartInfo(new LaunchRequest
        {
            SandboxName = "demo",
            Paths = paths,
            Command = ["bash", "-c", "echo hi"],
            Environment = new Dictionary<string, string> { ["SECRET_TOKEN"] = "s3cr3t", ["PATH"] = "/usr/bin" },
            Workdir = "/workspace/repo",
            HostWorkdir = Path.Combine(paths.Workspace, "repo"),
            HostExecutable = "/usr/bin/bash",
        });
        var arguments = startInfo.ArgumentList.ToList();

        Assert.Equal("/usr/bin/bwrap", startInfo.FileName);
        foreach (var flag in new[] { "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent", "--new-session" })
        {
            Assert.Contains(flag, arguments);
        }

        Assert.Equal(["--bind", paths.Workspace, "/workspace"], arguments.Skip(arguments.IndexOf(paths.Workspace) - 1).Take(3));
        Assert.Equal(["--tmpfs", "/opt/crabbox-state"], arguments.Skip(arguments.IndexOf("/opt/crabbox-state") - 1).Take(2));
        Assert.Equal(["--chdir", "/workspace/repo"], arguments.Skip(arguments.IndexOf("--chdir")).Take(2));
        Assert.Equal(File.Exists("/etc/shadow"), ContainsRun(arguments, "--ro-bind", "/dev/null", "/etc/shadow"));
        Assert.Equal(Directory.Exists("/etc/ssh"), ContainsRun(arguments, "--tmpfs", "/etc/ssh"));
        Assert.Equal(["--", "bash", "-c", "echo hi"], arguments.TakeLast(4));
        Assert.DoesNotContain(arguments, static argument => argument.Contains("s3cr3t", StringComparison.Ordinal));
        Assert.Equal("s3cr3t", startInfo.Environment["SECRET_TOKEN"]);
        Assert.Equal(2, startInfo.Environment.Count);
    }

    private static bool ContainsRun(List<string> arguments, params string[] run) =>
        Enumerable.Range(0, arguments.Count - run.Length + 1).Any(start => arguments.Skip(start).Take(run.Length).SequenceEqual(run));
}
