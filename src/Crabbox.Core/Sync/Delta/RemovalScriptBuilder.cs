using System.Text;
using Crabbox.Core.Output;
using Crabbox.Core.Repo;

namespace Crabbox.Core.Sync.Delta;

/// <summary>
/// Packs removal calls (<c>crabbox_rm 'a' 'b' ...</c>) into as few scripts as fit under
/// <see cref="DeltaScripts.MaxScriptBytes"/>, each one <paramref name="header"/> + calls + <c>exit $crabbox_status</c>.
/// </summary>
internal sealed class RemovalScriptBuilder(string header)
{
    private const string Epilogue = "exit $crabbox_status\n";
    private const int MaxLineBytes = 4 * 1024;

    private readonly int _headerBytes = Encoding.UTF8.GetByteCount(header) + Epilogue.Length;
    private readonly List<string> _scripts = [];
    private readonly StringBuilder _body = new();
    private int _bodyBytes;

    public void AddCalls(string function, IEnumerable<string> paths)
    {
        var line = new StringBuilder();
        var lineBytes = 0;
        foreach (var path in paths)
        {
            if (!RepoPaths.IsSafe(path))
            {
                throw new CrabboxException(ExitCodes.Sync, $"delta sync: unsafe remote path \"{path}\"; paths must be relative and clean");
            }

            var word = " " + ShellQuote.Quote(path);
            var wordBytes = Encoding.UTF8.GetByteCount(word);
            if (lineBytes > 0 && (lineBytes + wordBytes > MaxLineBytes || _headerBytes + _bodyBytes + lineBytes + wordBytes + 1 > DeltaScripts.MaxScriptBytes))
            {
                AddLine(line.Append('\n').ToString(), lineBytes + 1);
                line.Clear();
                lineBytes = 0;
            }

            if (lineBytes == 0)
            {
                line.Append(function);
                lineBytes = function.Length;
            }

            line.Append(word);
            lineBytes += wordBytes;
        }

        if (lineBytes > 0)
        {
            AddLine(line.Append('\n').ToString(), lineBytes + 1);
        }
    }

    public List<string> Complete()
    {
        Flush();
        return _scripts;
    }

    private void AddLine(string line, int bytes)
    {
        if (_bodyBytes > 0 && _headerBytes + _bodyBytes + bytes > DeltaScripts.MaxScriptBytes)
        {
            Flush();
        }

        _body.Append(line);
        _bodyBytes += bytes;
    }

    private void Flush()
    {
        if (_bodyBytes > 0)
        {
            _scripts.Add(header + _body + Epilogue);
            _body.Clear();
            _bodyBytes = 0;
        }
    }
}
