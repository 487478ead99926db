using System.Buffers;
using System.Text;
using Crabbox.Islo.Emulator.Exec;

namespace Crabbox.Islo.Emulator.Tests.Exec;

public sealed class Utf8OutputTests
{
    [Theory]
    [InlineData(new byte[0], 0)]
    [InlineData(new byte[] { 0x61 }, 0)]
    [InlineData(new byte[] { 0x61, 0xC3 }, 1)]
    [InlineData(new byte[] { 0xC3, 0xA9 }, 0)]
    [InlineData(new byte[] { 0x61, 0xE2, 0x82 }, 2)]
    [InlineData(new byte[] { 0xE2, 0x82, 0xAC }, 0)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0xA6 }, 3)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0xA6, 0x80 }, 0)]
    [InlineData(new byte[] { 0x61, 0xE0, 0x80 }, 0)] // E0 80 can never become a character
    [InlineData(new byte[] { 0x61, 0xFF }, 0)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80 }, 0)]
    public void IncompleteTail_HoldsOnlyTheValidStartOfACharacter(byte[] bytes, int expected)
    {
        Assert.Equal(expected, Utf8Output.IncompleteTail(bytes));
    }

    [Fact]
    public void Repair_ValidText_NothingToCopy()
    {
        var repaired = Utf8Output.Repair("héllo ✓ 🦀"u8, out var length);

        Assert.Null(repaired);
        Assert.Equal("héllo ✓ 🦀"u8.Length, length);
    }

    [Fact]
    public void Repair_InvalidSequences_BecomeReplacementCharacters()
    {
        var repaired = Utf8Output.Repair([0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0xC3], out var length);

        Assert.NotNull(repaired);
        Assert.Equal("a\uFFFDb\uFFFDc\uFFFD", Encoding.UTF8.GetString(repaired, 0, length));
        ArrayPool<byte>.Shared.Return(repaired);
    }

    /// <summary>
    /// Holding back the incomplete tail of each read and repairing the rest gives exactly what a
    /// streaming UTF-8 decoder gives, for valid and invalid bytes cut at every read boundary.
    /// </summary>
    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3, 0xA9, 0x20, 0xE2, 0x82, 0xAC, 0x20, 0xF0, 0x9F, 0xA6, 0x80, 0x0A })]
    [InlineData(new byte[] { 0xE2, 0x82, 0xE2, 0x82, 0xAC, 0xFF, 0xC3, 0x41, 0xF0, 0x9F, 0xC3, 0xA9, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xC3 })]
    public void IncompleteTailThenRepair_AnySplit_MatchesAStreamingDecoder(byte[] output)
    {
        var expected = Decode(output, Enumerable.Range(0, output.Length).Select(_ => 1));

        for (var first = 1; first < output.Length; first++)
        {
            for (var second = 1; first + second <= output.Length; second++)
            {
                int[] reads = [first, second, output.Length - first - second];
                Assert.Equal(expected, Relay(output, reads));
                Assert.Equal(expected, Decode(output, reads));
            }
        }
    }

    // What the emulator's pump does: each read's complete part goes out (repaired), the tail waits.
    private static string Relay(byte[] output, int[] reads)
    {
        var sent = new List<byte>();
        var held = new List<byte>();
        var position = 0;
        foreach (var size in reads)
        {
            held.AddRange(output.AsSpan(position, size).ToArray());
            position += size;
            var bytes = held.ToArray();
            var tail = Utf8Output.IncompleteTail(bytes);
            Send(bytes.AsSpan(0, bytes.Length - tail));
            held = [.. bytes.AsSpan(bytes.Length - tail).ToArray()];
        }

        Send(held.ToArray());
        return Encoding.UTF8.GetString([.. sent]);

        void Send(ReadOnlySpan<byte> complete)
        {
            var repaired = Utf8Output.Repair(complete, out var length);
            sent.AddRange(repaired is null ? complete.ToArray() : repaired.AsSpan(0, length).ToArray());
        }
    }

    private static string Decode(byte[] output, IEnumerable<int> reads)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
        var text = new StringBuilder();
        var chars = new char[output.Length + 1];
        var position = 0;
        foreach (var size in reads)
        {
            text.Append(chars, 0, decoder.GetChars(output, position, size, chars, 0, flush: false));
            position += size;
        }

        text.Append(chars, 0, decoder.GetChars(output, position, 0, chars, 0, flush: true));
        return text.ToString();
    }
}
