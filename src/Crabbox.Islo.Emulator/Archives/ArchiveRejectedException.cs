namespace Crabbox.Islo.Emulator.Archives;

/// <summary>An uploaded archive that is unsafe or unreadable; nothing from it has been written to the target.</summary>
internal sealed class ArchiveRejectedException(string message) : Exception(message);
