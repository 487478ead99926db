namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Builds an <see cref="IIsloClient"/> once the options are known (they come from config, env
/// and flags at command time, not at container build time). Backend tests swap in a fake.
/// </summary>
internal interface IIsloClientFactory
{
    IIsloClient Create(IsloClientOptions options);
}
