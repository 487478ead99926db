using System.Text;

namespace Crabbox.Islo.Emulator.Tests.Support;

/// <summary>Looks at the host's /proc for processes the tests started (by a unique argument).</summary>
internal static class ProcessProbe
{
    /// <summary>
    /// A <c>sleep</c> duration no other process on the machine uses, to find the command by its
    /// argument: a fixed one would also count the same test running in a concurrent test suite.
    /// </summary>
    public static string UniqueSleepArgument() =>
        $"{Random.Shared.Next(600, 1000)}.{Random.Shared.NextInt64(0, 1_000_000_000_000):D12}";

    public static int CountWithArgument(string argument)
    {
        var count = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
            {
                continue;
            }

            try
            {
                var arguments = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(directory, "cmdline"))).Split('\0');
                if (arguments.Length > 0 && Path.GetFileName(arguments[0]) != "bwrap" && arguments.Contains(argument))
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // The process exited while we looked.
            }
        }

        return count;
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; the caller asserts afterwards.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var token = TestTimeouts.Token();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, token);
        }
    }
}
