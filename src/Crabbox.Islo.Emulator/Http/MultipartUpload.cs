using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>Finds the multipart part named <c>file</c> and exposes its body as a stream (never buffered whole).</summary>
internal static class MultipartUpload
{
    public const string PartName = "file";

    public static async Task<Stream> OpenFilePartAsync(HttpContext context)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw ApiException.InvalidRequest("the body must be multipart/form-data with a part named \"file\"");
        }

        var reader = new MultipartReader(boundary, context.Request.Body);
        while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(PartName, StringComparison.Ordinal))
            {
                return section.Body;
            }
        }

        throw ApiException.InvalidRequest("the multipart body has no part named \"file\"");
    }

    /// <summary>Reads and drops the rest of the request body.</summary>
    public static async Task DrainAsync(HttpContext context)
    {
        var buffer = new byte[81920];
        while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
        {
        }
    }
}
