namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// A request body that can be produced again for each send: a 401 re-exchange and a 307/308
/// redirect both resend it, and an <see cref="HttpContent"/> is single-use.
/// </summary>
internal abstract class IsloRequestBody
{
    /// <summary>
    /// True when the response-header timeout should start only once the body is fully written
    /// (long uploads); false starts it when the request is sent (small bodies).
    /// </summary>
    public abstract bool TimesOutAfterBody { get; }

    /// <summary>A fresh content; it calls <paramref name="bodyWritten"/> after writing its last byte.</summary>
    public abstract HttpContent CreateContent(Action bodyWritten);
}
