using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Crabbox.Islo.Emulator.Exec;

/// <summary>
/// Turns a command's output bytes into the UTF-8 text an event stream carries, as a streaming
/// UTF-8 decoder would: valid text passes through unchanged (checked, never decoded), each invalid
/// sequence becomes U+FFFD, and a character cut off by the end of a read is held back
/// (<see cref="IncompleteTail"/>) until the rest of it arrives.
/// </summary>
internal static class Utf8Output
{
    /// <summary>The most bytes <see cref="IncompleteTail"/> can hold back.</summary>
    public const int MaxHeldBytes = 3;

    /// <summary>
    /// How many bytes at the end of <paramref name="bytes"/> are the valid start of a character that
    /// is not complete yet (0 to 3). Everything before them can be sent: a decoder holds nothing
    /// back at that point, because the held part starts with a lead byte that ends any sequence before it.
    /// </summary>
    public static int IncompleteTail(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= MaxHeldBytes && back <= bytes.Length; back++)
        {
            if ((bytes[^back] & 0xC0) == 0x80)
            {
                continue;
            }

            return Rune.DecodeFromUtf8(bytes[^back..], out _, out _) == OperationStatus.NeedMoreData ? back : 0;
        }

        return 0;
    }

    /// <summary>
    /// <paramref name="bytes"/> as valid UTF-8: null when they already are (send them as they are),
    /// otherwise a pooled copy (return it to <see cref="ArrayPool{T}.Shared"/>) of
    /// <paramref name="length"/> bytes with every invalid sequence replaced by U+FFFD.
    /// </summary>
    public static byte[]? Repair(ReadOnlySpan<byte> bytes, out int length)
    {
        if (Utf8.IsValid(bytes))
        {
            length = bytes.Length;
            return null;
        }

        // Each invalid byte decodes to at most one char, so the decoded text is never longer than the input.
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var count = Encoding.UTF8.GetChars(bytes, chars);
            var text = chars.AsSpan(0, count);
            var repaired = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(text));
            length = Encoding.UTF8.GetBytes(text, repaired);
            return repaired;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
