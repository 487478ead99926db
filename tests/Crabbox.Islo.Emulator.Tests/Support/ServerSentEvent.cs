namespace Crabbox.Islo.Emulator.Tests.Support;

/// <summary>One parsed SSE event: its name and its data lines joined with <c>\n</c>.</summary>
internal sealed record ServerSentEvent(string Name, string Data);
