using System.Text.RegularExpressions;

namespace Crabbox.EndToEnd.Tests.Support;

/// <summary>The sandbox a <c>leased &lt;lease&gt; slug=&lt;slug&gt; provider=&lt;p&gt; sandbox=&lt;name&gt;</c> line names.</summary>
internal sealed partial record LeasedSandbox(string LeaseId, string Slug, string Provider, string Sandbox)
{
    /// <summary>Finds the one <c>leased ...</c> line in <paramref name="text"/> (stdout for warmup, stderr for run).</summary>
    public static LeasedSandbox Parse(string text)
    {
        var matches = LeasedLine().Matches(text);
        Assert.True(matches.Count == 1, $"expected one 'leased ...' line, found {matches.Count} in:\n{text}");
        var match = matches[0];
        return new LeasedSandbox(match.Groups["lease"].Value, match.Groups["slug"].Value, match.Groups["provider"].Value, match.Groups["sandbox"].Value);
    }

    [GeneratedRegex(@"^leased (?<lease>isb_\S+) slug=(?<slug>\S+) provider=(?<provider>\S+) sandbox=(?<sandbox>crabbox-\S+)$", RegexOptions.Multiline)]
    private static partial Regex LeasedLine();
}
