namespace Crabbox.Core.Config;

/// <summary>
/// One command-line flag occurrence that sets a configuration key. List keys may be given
/// several times (in command-line order); each occurrence is a comma-separated list.
/// </summary>
/// <param name="Key">The dotted config path the flag sets, e.g. <c>islo.vcpus</c>.</param>
/// <param name="FlagName">The flag with its dashes, e.g. <c>--islo-vcpus</c>; named in messages.</param>
/// <param name="Value">The raw text given on the command line.</param>
public sealed record FlagValue(string Key, string FlagName, string Value);
