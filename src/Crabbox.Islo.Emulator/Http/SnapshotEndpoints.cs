using Crabbox.Islo.Emulator.Json;
using Crabbox.Islo.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>
/// Snapshot routes: a snapshot is a copy of a sandbox's <c>/workspace</c> and <c>/home/islo</c>
/// (not the whole filesystem, and not memory). It is always <c>ready</c> when created.
/// </summary>
internal sealed class SnapshotEndpoints(SnapshotStore snapshots, SandboxStore sandboxes, TimeProvider timeProvider)
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 100;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/snapshots", new RequestDelegate(CreateAsync));
        routes.MapGet("/snapshots", new RequestDelegate(ListAsync));
        routes.MapGet("/snapshots/{name}", new RequestDelegate(GetAsync));
        routes.MapDelete("/snapshots/{name}", new RequestDelegate(DeleteAsync));
    }

    private async Task CreateAsync(HttpContext context)
    {
        var request = await context.ReadJsonAsync(EmulatorJsonContext.Default.CreateSnapshotRequest, new CreateSnapshotRequest());
        if (string.IsNullOrEmpty(request.SandboxName))
        {
            throw ApiException.Validation("sandbox_name is required");
        }

        if (request.Name is { } name && !ResourceNames.IsValid(name))
        {
            throw ApiException.Validation($"name {name} is invalid: use 1 to {ResourceNames.MaxLength} characters from a-z, 0-9 and -");
        }

        var sandbox = await sandboxes.GetRequiredAsync(request.SandboxName, context.RequestAborted);
        var record = await snapshots.CreateAsync(sandbox, request.Name ?? ResourceNames.Generate("snap"), timeProvider.GetUtcNow(), context.RequestAborted);
        await context.WriteJsonAsync(StatusCodes.Status201Created, ToResponse(record), EmulatorJsonContext.Default.SnapshotResponse);
    }

    private async Task ListAsync(HttpContext context)
    {
        var limit = context.QueryInt("limit", DefaultLimit, 1, MaxLimit);
        var offset = context.QueryInt("offset", 0, 0, int.MaxValue);
        var all = await snapshots.ListAsync(context.RequestAborted);
        await context.WriteJsonAsync(
            StatusCodes.Status200OK,
            new SnapshotPage { Items = [.. all.Skip(offset).Take(limit).Select(ToResponse)], Limit = limit, Offset = offset, Total = all.Count },
            EmulatorJsonContext.Default.SnapshotPage);
    }

    private async Task GetAsync(HttpContext context)
    {
        var name = context.Route("name");
        var record = await snapshots.GetAsync(name, context.RequestAborted) ?? throw NotFound(name);
        await context.WriteJsonAsync(StatusCodes.Status200OK, ToResponse(record), EmulatorJsonContext.Default.SnapshotResponse);
    }

    private async Task DeleteAsync(HttpContext context)
    {
        var name = context.Route("name");
        if (!await snapshots.DeleteAsync(name, context.RequestAborted))
        {
            throw NotFound(name);
        }

        context.NoContent();
    }

    private static ApiException NotFound(string name) =>
        new(StatusCodes.Status404NotFound, ErrorCodes.ResourceNotFound, $"snapshot {name} not found");

    private static SnapshotResponse ToResponse(SnapshotRecord record) => new()
    {
        Id = record.Id,
        Name = record.Name,
        Status = "ready",
        SandboxId = record.SandboxId,
        SizeBytes = record.SizeBytes,
        CreatedAt = Timestamps.Format(record.CreatedAt),
        CreatedBy = SandboxResponses.CreatedBy,
    };
}
