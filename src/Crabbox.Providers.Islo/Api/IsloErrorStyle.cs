namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// How an endpoint's HTTP errors read. The Go provider reached some endpoints through the Islo
/// SDK and the rest with raw requests, and the two worded their errors differently; each
/// endpoint keeps the wording its Go counterpart printed so messages match the reference.
/// </summary>
internal enum IsloErrorStyle
{
    /// <summary>
    /// The SDK's error text wrapped by the backend: <c>islo &lt;action&gt;: &lt;code&gt;: &lt;body&gt;</c>,
    /// or <c>islo &lt;action&gt;: &lt;code&gt;</c> when the body is empty. No reason phrase.
    /// </summary>
    Sdk,

    /// <summary>
    /// A raw request's error: <c>islo &lt;action&gt; &lt;code&gt; &lt;reason&gt;: &lt;body&gt;</c>, the status
    /// line as Go's <c>resp.Status</c> prints it and no colon after the action.
    /// </summary>
    Raw,
}
