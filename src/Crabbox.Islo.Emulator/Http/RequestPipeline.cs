using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>
/// The middleware in front of every route: request ids, the <c>{code, message, request_id}</c>
/// error body for thrown <see cref="ApiException"/>s and unmatched routes, bearer-token checks,
/// and one log line per request (method, path, status, time; never headers or query).
/// </summary>
internal sealed class RequestPipeline(TokenStore tokens, TextWriter? log)
{
    private const string TokenPath = "/auth/token";
    private readonly Lock _logGate = new();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = $"req_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        context.SetRequestId(requestId);
        context.Response.Headers["x-request-id"] = requestId;
        try
        {
            Authenticate(context);
            await next(context);
            if (!context.Response.HasStarted && context.Response.ContentType is null && context.Response.StatusCode is 404 or 405)
            {
                await context.WriteErrorAsync(context.Response.StatusCode, ErrorCodes.NotFound, $"no route for {context.Request.Method} {context.Request.Path}");
            }
        }
        catch (ApiException exception) when (!context.Response.HasStarted)
        {
            await context.WriteErrorAsync(exception.StatusCode, exception.Code, exception.Message);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            await context.WriteErrorAsync(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, exception.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            Log($"islo-emulator: error: {context.Request.Method} {context.Request.Path}: {exception}");
            await context.WriteErrorAsync(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, $"internal error: {exception.Message}");
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            Log($"islo-emulator: {context.Request.Method} {context.Request.Path} {context.Response.StatusCode} {elapsed.TotalMilliseconds:0}ms");
        }
    }

    public void Log(string line)
    {
        if (log is null)
        {
            return;
        }

        lock (_logGate)
        {
            log.WriteLine(line);
            log.Flush();
        }
    }

    private void Authenticate(HttpContext context)
    {
        if (context.Request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.Equals(TokenPath + "/", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || !tokens.IsValid(header[scheme.Length..].Trim()))
        {
            throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCodes.AuthRequired, "a valid bearer session token is required; exchange the API key at POST /auth/token");
        }
    }
}
