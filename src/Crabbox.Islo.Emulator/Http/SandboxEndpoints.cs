using Crabbox.Islo.Emulator.Json;
using Crabbox.Islo.Emulator.Sandboxes;
using Crabbox.Islo.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crabbox.Islo.Emulator.Http;

/// <summary>Sandbox routes: create, get (by name or id), list, delete, pause, resume, stop.</summary>
internal sealed class SandboxEndpoints(SandboxService sandboxes, SandboxStore store, SandboxResponses responses, TimeProvider timeProvider)
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 100;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/sandboxes", new RequestDelegate(CreateAsync));
        routes.MapGet("/sandboxes", new RequestDelegate(ListAsync));
        routes.MapGet("/sandboxes/-/by-id/{id}", new RequestDelegate(GetByIdAsync));
        routes.MapGet("/sandboxes/{name}", new RequestDelegate(GetAsync));
        routes.MapDelete("/sandboxes/{name}", new RequestDelegate(DeleteAsync));
        routes.MapPost("/sandboxes/{name}/pause", new RequestDelegate(PauseAsync));
        routes.MapPost("/sandboxes/{name}/resume", new RequestDelegate(ResumeAsync));
        routes.MapPost("/sandboxes/{name}/stop", new RequestDelegate(StopAsync));
    }

    private async Task CreateAsync(HttpContext context)
    {
        var request = await context.ReadJsonAsync(EmulatorJsonContext.Default.CreateSandboxRequest, new CreateSandboxRequest());
        var record = await sandboxes.CreateAsync(request, context.RequestAborted);
        await WriteAsync(context, StatusCodes.Status201Created, record);
    }

    private async Task GetAsync(HttpContext context)
    {
        var name = context.Route("name");
        await WriteAsync(context, StatusCodes.Status200OK, await store.GetRequiredAsync(name, context.RequestAborted));
    }

    private async Task GetByIdAsync(HttpContext context)
    {
        var id = context.Route("id");
        var records = await store.ListAsync(context.RequestAborted);
        var record = records.Find(record => string.Equals(record.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.SandboxNotFound, $"sandbox with id {id} not found");
        await WriteAsync(context, StatusCodes.Status200OK, record);
    }

    private async Task ListAsync(HttpContext context)
    {
        var limit = context.QueryInt("limit", DefaultLimit, 1, MaxLimit);
        var offset = context.QueryInt("offset", 0, 0, int.MaxValue);
        var filter = new SandboxFilter(context);
        var now = timeProvider.GetUtcNow();
        var matching = (await store.ListAsync(context.RequestAborted))
            .Where(record => filter.Matches(record, record.EffectiveStatus(now)))
            .ToList();
        var start = context.Query("cursor") is { Length: > 0 } cursor ? SandboxCursor.StartIndex(cursor, matching) : Math.Min(offset, matching.Count);
        var page = matching.Skip(start).Take(limit).ToList();
        var hasMore = start + page.Count < matching.Count;
        await context.WriteJsonAsync(
            StatusCodes.Status200OK,
            new SandboxPage
            {
                Items = [.. page.Select(responses.From)],
                Total = matching.Count,
                Limit = limit,
                Offset = start,
                NextCursor = hasMore && page.Count > 0 ? SandboxCursor.Encode(page[^1]) : null,
            },
            EmulatorJsonContext.Default.SandboxPage);
    }

    private async Task DeleteAsync(HttpContext context)
    {
        var name = context.Route("name");
        if (!await sandboxes.DeleteAsync(name, context.RequestAborted))
        {
            throw ApiException.SandboxNotFound(name);
        }

        context.NoContent();
    }

    private async Task PauseAsync(HttpContext context) =>
        await WriteAsync(context, StatusCodes.Status200OK, await sandboxes.PauseAsync(context.Route("name"), context.RequestAborted));

    private async Task ResumeAsync(HttpContext context) =>
        await WriteAsync(context, StatusCodes.Status200OK, await sandboxes.ResumeAsync(context.Route("name"), context.RequestAborted));

    private async Task StopAsync(HttpContext context)
    {
        await sandboxes.StopAsync(context.Route("name"), context.RequestAborted);
        context.NoContent();
    }

    private Task WriteAsync(HttpContext context, int statusCode, SandboxRecord record) =>
        context.WriteJsonAsync(statusCode, responses.From(record), EmulatorJsonContext.Default.SandboxResponse);
}
