namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// The <c>files-archive</c> upload: a <c>multipart/form-data</c> body with one <c>file</c> part
/// that the caller's delegate writes straight into the request stream. Each send invokes the
/// delegate again, so it must be able to produce the archive more than once.
/// </summary>
internal sealed class IsloArchiveUploadBody(Func<Stream, CancellationToken, Task> writeArchive) : IsloRequestBody
{
    public override bool TimesOutAfterBody => true;

    /// <summary>The content most recently created, to surface a failure of the delegate itself.</summary>
    public IsloArchiveUploadContent? LastContent { get; private set; }

    public override HttpContent CreateContent(Action bodyWritten)
    {
        LastContent = new IsloArchiveUploadContent(writeArchive, bodyWritten);
        return LastContent;
    }
}
