using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// What a refusal may quote of the client's input: at most <see cref="MaxLength"/> characters, with anything the record
/// could not store or a reader could not see (controls, unpaired surrogates, invisible formatting) shown as U+FFFD, so a
/// problem, a log line or a stored refusal never carries more than a short, harmless excerpt.
/// </summary>
public static class JsonExcerpt
{
    public const int MaxLength = 40;

    public static string Of(string text) => Of(text, MaxLength);

    /// <summary>An excerpt of at most <paramref name="maxLength"/> characters (a JSON path naming the client's properties takes a longer one).</summary>
    public static string Of(string text, int maxLength)
    {
        var cut = text.Length <= maxLength ? text.Length : char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        var excerpt = new StringBuilder(cut + 24);
        foreach (var rune in Runes(text.AsSpan(0, cut)))
        {
            excerpt.Append(IsShown(rune) ? rune.ToString() : "\uFFFD");
        }

        if (cut < text.Length)
        {
            excerpt.Append(CultureInfo.InvariantCulture, $"… ({text.Length} characters)");
        }

        return excerpt.ToString();
    }

    /// <summary>The value the reader is on, as an error's "got" shows it: a quoted excerpt of a string, a number's text, or its kind.</summary>
    public static string Got(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"'{Of(reader.GetString() ?? string.Empty)}'",
        JsonTokenType.Number => Of(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan)),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        _ => "another kind of value",
    };

    private static IEnumerable<Rune> Runes(ReadOnlySpan<char> text)
    {
        var runes = new List<Rune>(text.Length);
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out var rune, out var used) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }

            runes.Add(rune);
            text = text[used..];
        }

        return runes;
    }

    private static bool IsShown(Rune rune) =>
        !Rune.IsControl(rune) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format && !TextRules.HasInvisibleTrickery(rune.ToString());
}
