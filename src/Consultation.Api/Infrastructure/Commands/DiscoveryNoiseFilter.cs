using System.Text;
using System.Text.RegularExpressions;

namespace Consultation.Infrastructure.Commands;

/// <summary>
/// Drops JasperFx's "Searching '…' for commands" lines (one per scanned assembly, wrapped at the console's width, each group
/// followed by a blank line; JasperFx may scan more than once per run) from a command's console output, so the first screen
/// of a run is the service's own. Every other line passes through unchanged.
/// </summary>
public sealed partial class DiscoveryNoiseFilter(TextWriter inner) : TextWriter
{
    private const string Start = "Searching '";
    private const string End = "for commands";

    private readonly StringBuilder _line = new();
    private readonly StringBuilder _message = new();
    private bool _inside;
    private bool _afterGroup;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n')
        {
            Decide(_line.ToString());
            _line.Clear();
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    /// <summary>A partial line is held back only while it may be the start of a discovery message.</summary>
    public override void Flush()
    {
        var partial = Plain(_line.ToString());
        if (_line.Length > 0 && !_inside && !Start.StartsWith(partial.Length > Start.Length ? partial[..Start.Length] : partial, StringComparison.Ordinal))
        {
            _afterGroup = false;
            inner.Write(_line.ToString());
            _line.Clear();
        }

        inner.Flush();
    }

    private void Decide(string line)
    {
        var text = Plain(line).Trim();
        if (_inside || text.StartsWith(Start, StringComparison.Ordinal))
        {
            _message.Append(text).Append(' ');
            _inside = !_message.ToString().TrimEnd().EndsWith(End, StringComparison.Ordinal);
            if (!_inside)
            {
                _message.Clear();
                _afterGroup = true;
            }

            return;
        }

        if (_afterGroup && text.Length == 0)
        {
            _afterGroup = false;
            return;
        }

        _afterGroup = false;
        inner.Write(line);
    }

    private static string Plain(string line) => AnsiEscape().Replace(line, string.Empty);

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
