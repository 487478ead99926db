namespace Crabbox.Providers.Islo.Api;

/// <summary>Which Islo host a route lives on.</summary>
internal enum IsloPlane
{
    /// <summary>Auth token exchange (<see cref="IsloClientOptions.BaseUrl"/>).</summary>
    Control,

    /// <summary>Sandboxes, exec, files, shares (<see cref="IsloClientOptions.ComputeUrl"/>).</summary>
    Compute,
}
