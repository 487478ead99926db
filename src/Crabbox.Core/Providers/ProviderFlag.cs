using Crabbox.Core.Config;

namespace Crabbox.Core.Providers;

/// <summary>
/// A provider-owned flag (e.g. <c>--islo-base-url</c>). Every lease command registers every
/// provider's flags; an explicitly given value becomes the flag layer of <see cref="ConfigKey"/>.
/// </summary>
/// <param name="Name">The flag with its dashes, e.g. <c>--islo-base-url</c>.</param>
/// <param name="ConfigKey">The dotted config path the flag sets, e.g. <c>islo.baseUrl</c>.</param>
/// <param name="Kind">How the value is parsed.</param>
/// <param name="Description">Help text.</param>
public sealed record ProviderFlag(string Name, string ConfigKey, ConfigValueKind Kind, string Description);
