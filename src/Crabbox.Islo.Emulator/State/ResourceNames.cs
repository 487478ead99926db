using System.Security.Cryptography;

namespace Crabbox.Islo.Emulator.State;

/// <summary>Names of sandboxes and snapshots: <c>[a-z0-9-]</c>, 1 to 63 characters.</summary>
internal static class ResourceNames
{
    public const int MaxLength = 63;

    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && name.All(static c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    public static string Generate(string prefix) => $"{prefix}-{RandomHex(4)}";

    public static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
