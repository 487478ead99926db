using System.Buffers;
using System.Text;

namespace Crabbox.Islo.Emulator.Exec;

/// <summary>The first <see cref="Limit"/> bytes of one output stream, for <c>GET /exec/{exec_id}</c>.</summary>
internal sealed class OutputCapture
{
    public const int Limit = 1024 * 1024;
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _bytes = new();
    private bool _truncated;

    public bool Truncated
    {
        get
        {
            lock (_gate)
            {
                return _truncated;
            }
        }
    }

    public void Append(ReadOnlySpan<byte> chunk)
    {
        lock (_gate)
        {
            var room = Limit - _bytes.WrittenCount;
            if (chunk.Length > room)
            {
                _truncated = true;
                chunk = chunk[..room];
            }

            _bytes.Write(chunk);
        }
    }

    public void Append(string text) => Append(Encoding.UTF8.GetBytes(text));

    public string Text()
    {
        lock (_gate)
        {
            return Encoding.UTF8.GetString(_bytes.WrittenSpan);
        }
    }
}
