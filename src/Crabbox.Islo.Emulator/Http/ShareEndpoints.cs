using Crabbox.Islo.Emulator.Json;
using Crabbox.Islo.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>
/// Share routes. Sandboxes use the host's network, so a share is just a record and its URL is
/// <c>http://127.0.0.1:&lt;port&gt;/</c>: local-only, not a public HTTPS URL like the real service's.
/// </summary>
internal sealed class ShareEndpoints(SandboxStore store, TimeProvider timeProvider)
{
    public const int MinTtlSeconds = 60;
    public const int MaxTtlSeconds = 604800;
    public const int DefaultTtlSeconds = 86400;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/sandboxes/{name}/shares", new RequestDelegate(CreateAsync));
        routes.MapGet("/sandboxes/{name}/shares", new RequestDelegate(ListAsync));
        routes.MapDelete("/sandboxes/{name}/shares/{share_id}", new RequestDelegate(DeleteAsync));
    }

    private async Task CreateAsync(HttpContext context)
    {
        var name = context.Route("name");
        var request = await context.ReadJsonAsync(EmulatorJsonContext.Default.CreateShareRequest, new CreateShareRequest());
        if (request.Port is not (>= 1 and <= 65535) || request.Port is not { } port)
        {
            throw ApiException.Validation("port is required and must be from 1 to 65535");
        }

        var ttl = request.TtlSeconds ?? DefaultTtlSeconds;
        if (ttl is < MinTtlSeconds or > MaxTtlSeconds)
        {
            throw ApiException.Validation($"ttl_seconds must be from {MinTtlSeconds} to {MaxTtlSeconds}");
        }

        using var sandboxLock = await store.LockAsync(name, context.RequestAborted);
        var record = await store.GetRequiredAsync(name, context.RequestAborted);
        var now = timeProvider.GetUtcNow();
        var status = record.EffectiveStatus(now);
        if (status != SandboxStatus.Running)
        {
            throw ApiException.InvalidRequest($"sandbox {name} is not running (status {status})");
        }

        var share = new ShareRecord
        {
            ShareId = $"sh_{ResourceNames.RandomHex(8)}",
            Port = port,
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(ttl),
        };
        await store.SaveAsync(record with { Shares = [.. Active(record, now), share] }, context.RequestAborted);
        await context.WriteJsonAsync(StatusCodes.Status201Created, ToResponse(share), EmulatorJsonContext.Default.ShareResponse);
    }

    private async Task ListAsync(HttpContext context)
    {
        var record = await store.GetRequiredAsync(context.Route("name"), context.RequestAborted);
        var shares = Active(record, timeProvider.GetUtcNow()).Select(ToResponse).ToList();
        await context.WriteJsonAsync(StatusCodes.Status200OK, shares, EmulatorJsonContext.Default.ListShareResponse);
    }

    private async Task DeleteAsync(HttpContext context)
    {
        var name = context.Route("name");
        var shareId = context.Route("share_id");
        using var sandboxLock = await store.LockAsync(name, context.RequestAborted);
        var record = await store.GetRequiredAsync(name, context.RequestAborted);
        var remaining = record.Shares.Where(share => share.ShareId != shareId).ToList();
        if (remaining.Count == record.Shares.Count)
        {
            throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.ResourceNotFound, $"share {shareId} not found");
        }

        await store.SaveAsync(record with { Shares = remaining }, context.RequestAborted);
        context.NoContent();
    }

    private static IEnumerable<ShareRecord> Active(SandboxRecord record, DateTimeOffset now) =>
        record.Shares.Where(share => share.ExpiresAt > now);

    private static ShareResponse ToResponse(ShareRecord share) => new()
    {
        ShareId = share.ShareId,
        Url = $"http://127.0.0.1:{share.Port}/",
        Port = share.Port,
        CreatedAt = Timestamps.Format(share.CreatedAt),
        ExpiresAt = Timestamps.Format(share.ExpiresAt),
    };
}
