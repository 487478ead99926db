using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;

namespace Crabbox.Providers.Islo.Api;

/// <summary>
/// Streams <c>--boundary</c>, the part headers
/// (<c>Content-Disposition: form-data; name="file"; filename="archive.tar.gz"</c>,
/// <c>Content-Type: application/gzip</c>), the archive bytes written by the delegate, and the
/// closing boundary. Its length is unknown, so it goes out chunked and is never buffered.
/// </summary>
internal sealed class IsloArchiveUploadContent : HttpContent
{
    private readonly Func<Stream, CancellationToken, Task> _writeArchive;
    private readonly Action _bodyWritten;
    private readonly string _boundary;

    public IsloArchiveUploadContent(Func<Stream, CancellationToken, Task> writeArchive, Action bodyWritten)
    {
        _writeArchive = writeArchive;
        _bodyWritten = bodyWritten;
        _boundary = "crabbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        // Set by hand: MultipartFormDataContent would quote the boundary and add filename*=.
        Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=" + _boundary);
    }

    /// <summary>The delegate's own failure, kept so the caller sees it rather than a transport wrapper.</summary>
    public ExceptionDispatchInfo? ArchiveFailure { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var head = "--" + _boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"archive.tar.gz\"\r\n"
            + "Content-Type: application/gzip\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);

        try
        {
            await using var archiveStream = new IsloNonClosingStream(stream);
            await _writeArchive(archiveStream, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ArchiveFailure = ExceptionDispatchInfo.Capture(ex);
            throw;
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes("\r\n--" + _boundary + "--\r\n"), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        _bodyWritten();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
