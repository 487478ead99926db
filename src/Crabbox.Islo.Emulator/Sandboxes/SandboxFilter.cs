using Crabbox.Islo.Emulator.Http;
using Crabbox.Islo.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace Crabbox.Islo.Emulator.Sandboxes;

/// <summary>The list filters: <c>status</c> (repeatable), <c>name_prefix</c>, <c>q</c>/<c>search</c> and <c>created_by</c>.</summary>
internal sealed class SandboxFilter
{
    private readonly HashSet<string> _statuses;
    private readonly string? _namePrefix;
    private readonly string? _search;
    private readonly string? _createdBy;

    public SandboxFilter(HttpContext context)
    {
        _statuses = [.. context.Request.Query["status"]
            .SelectMany(static value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(static value => value.ToLowerInvariant())];
        _namePrefix = context.Query("name_prefix");
        _search = context.Query("q") ?? context.Query("search");
        _createdBy = context.Query("created_by");
    }

    public bool Matches(SandboxRecord record, string status) =>
        (_statuses.Count == 0 || _statuses.Contains(status))
        && (string.IsNullOrEmpty(_namePrefix) || record.Name.StartsWith(_namePrefix, StringComparison.Ordinal))
        && (string.IsNullOrEmpty(_createdBy) || _createdBy is "me" || _createdBy == SandboxResponses.CreatedBy)
        && (string.IsNullOrEmpty(_search) || MatchesSearch(record, _search));

    private static bool MatchesSearch(SandboxRecord record, string search) =>
        record.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
        || record.Image.Contains(search, StringComparison.OrdinalIgnoreCase)
        || record.Id.Contains(search, StringComparison.OrdinalIgnoreCase)
        || SandboxResponses.CreatedBy.Contains(search, StringComparison.OrdinalIgnoreCase);
}
