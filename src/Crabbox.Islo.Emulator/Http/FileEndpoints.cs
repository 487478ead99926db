using Crabbox.Islo.Emulator.Archives;
using Crabbox.Islo.Emulator.Json;
using Crabbox.Islo.Emulator.Sandboxing;
using Crabbox.Islo.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>
/// File routes. Paths are absolute sandbox paths under <c>/workspace</c>, <c>/tmp</c> or
/// <c>/home/islo</c>, resolved with sandbox semantics so links cannot reach host files.
/// </summary>
internal sealed class FileEndpoints(SandboxStore store, EmulatorFaults faults)
{
    private static readonly StatusResponse s_ok = new() { Status = "ok" };

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/sandboxes/{name}/files", new RequestDelegate(DownloadFileAsync));
        routes.MapPost("/sandboxes/{name}/files", new RequestDelegate(UploadFileAsync));
        routes.MapGet("/sandboxes/{name}/files-archive", new RequestDelegate(DownloadArchiveAsync));
        routes.MapPost("/sandboxes/{name}/files-archive", new RequestDelegate(UploadArchiveAsync));
    }

    private async Task DownloadFileAsync(HttpContext context)
    {
        var (_, sandboxPath, host) = await ResolveAsync(context);
        if (Directory.Exists(host))
        {
            throw ApiException.InvalidRequest($"path {sandboxPath} is a directory; use files-archive");
        }

        FileStream file;
        try
        {
            file = new FileStream(host, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw FileNotFound(sandboxPath);
        }

        await using (file)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = file.Length;
            await file.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    private async Task UploadFileAsync(HttpContext context)
    {
        var (_, sandboxPath, host) = await ResolveAsync(context);
        if (Directory.Exists(host))
        {
            throw ApiException.InvalidRequest($"path {sandboxPath} is a directory");
        }

        var part = await MultipartUpload.OpenFilePartAsync(context);
        var directory = Path.GetDirectoryName(host)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".islo-upload-{Guid.NewGuid():N}");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await part.CopyToAsync(file, context.RequestAborted);
            }

            if (File.Exists(host))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(host));
            }

            NativeFileSystem.Rename(temporary, host);
        }
        finally
        {
            File.Delete(temporary);
        }

        await context.WriteJsonAsync(StatusCodes.Status200OK, s_ok, EmulatorJsonContext.Default.StatusResponse);
    }

    private async Task DownloadArchiveAsync(HttpContext context)
    {
        var (_, sandboxPath, host) = await ResolveAsync(context);
        if (!Directory.Exists(host))
        {
            throw File.Exists(host) ? ApiException.InvalidRequest($"path {sandboxPath} is not a directory") : FileNotFound(sandboxPath);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/gzip";
        await TarDirectoryWriter.WriteAsync(host, context.Response.Body, context.RequestAborted);
    }

    private async Task UploadArchiveAsync(HttpContext context)
    {
        if (faults.FailFilesArchiveUpload)
        {
            await MultipartUpload.DrainAsync(context);
            throw new ApiException(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "files-archive upload failed (injected fault)");
        }

        var (paths, sandboxPath, host) = await ResolveAsync(context);
        if (DirectoryTree.Exists(host) && !Directory.Exists(host))
        {
            throw ApiException.InvalidRequest($"path {sandboxPath} is not a directory");
        }

        var name = context.Route("name");
        var part = await MultipartUpload.OpenFilePartAsync(context);
        var staging = Path.Combine(paths.Staging, Guid.NewGuid().ToString("N"));
        try
        {
            var extractor = new SafeTarExtractor(staging, sandboxPath);
            await extractor.ExtractAsync(part, context.RequestAborted);
            if (faults.BeforeArchiveMove is { } beforeMove)
            {
                await beforeMove(name, context.RequestAborted);
            }

            // DELETE moves the sandbox folder away under this lock; moving in without it (or after
            // it) would recreate sandboxes/<name>/ without sandbox.json. The lock re-checks: 404.
            using (await store.LockAsync(name, context.RequestAborted))
            {
                extractor.MoveInto(host);
            }
        }
        catch (ArchiveRejectedException exception)
        {
            throw ApiException.InvalidRequest($"archive rejected: {exception.Message}");
        }
        finally
        {
            DirectoryTree.Delete(staging);
            RemoveEmptyRemains(paths);
        }

        await context.WriteJsonAsync(StatusCodes.Status200OK, s_ok, EmulatorJsonContext.Default.StatusResponse);
    }

    /// <summary>
    /// Extraction recreates missing parents of its staging folder, so a sandbox deleted meanwhile
    /// can come back as an empty folder without <c>sandbox.json</c>, blocking its name: remove it.
    /// </summary>
    private static void RemoveEmptyRemains(SandboxPaths paths)
    {
        if (File.Exists(paths.Metadata))
        {
            return;
        }

        foreach (var directory in (string[])[paths.Staging, paths.Directory])
        {
            try
            {
                // Not recursive: only an empty leftover goes, never a sandbox created meanwhile.
                Directory.Delete(directory);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Gone already, or not empty: nothing of ours to remove.
            }
        }
    }

    /// <summary>The sandbox (404 if missing), the normalized sandbox path and its host path (400 if outside the sandbox's folders).</summary>
    private async Task<(SandboxPaths Paths, string SandboxPath, string Host)> ResolveAsync(HttpContext context)
    {
        var name = context.Route("name");
        await store.GetRequiredAsync(name, context.RequestAborted);
        var path = context.Query("path");
        if (string.IsNullOrEmpty(path))
        {
            throw ApiException.Validation("query parameter path is required");
        }

        var paths = store.Paths(name);
        var host = new SandboxPathResolver(paths).Resolve(path, followFinalLink: true);
        return (paths, Normalize(path), host);
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("" or "."))
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts);
    }

    private static ApiException FileNotFound(string path) =>
        new(StatusCodes.Status404NotFound, ErrorCodes.FileNotFound, $"file {path} not found");
}
