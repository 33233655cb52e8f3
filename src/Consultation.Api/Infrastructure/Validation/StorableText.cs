namespace Consultation.Infrastructure.Validation;

/// <summary>
/// Text PostgreSQL cannot store: U+0000 (refused by <c>text</c>, and as the escape <c>\u0000</c> by <c>jsonb</c>) and unpaired
/// UTF-16 surrogates (no UTF-8 form). Such values are refused at the door with a 400 naming the field, and never sent.
/// </summary>
public static class StorableText
{
    public const string Rule = "must not contain U+0000 (NUL) or unpaired surrogates: the record cannot store them";

    public static bool IsStorable(string value)
    {
        var text = value.AsSpan();
        if (text.Contains('\0'))
        {
            return false;
        }

        var at = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (at >= 0)
        {
            if (!char.IsHighSurrogate(text[at]) || at + 1 >= text.Length || !char.IsLowSurrogate(text[at + 1]))
            {
                return false;
            }

            text = text[(at + 2)..];
            at = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        }

        return true;
    }

    /// <summary>JSON text holding the escape <c>\u0000</c> (not an escaped backslash followed by <c>u0000</c>).</summary>
    public static bool HasEscapedNul(ReadOnlySpan<char> json) => HasEscapedNul(json, "\\u0000");

    public static bool HasEscapedNul(ReadOnlySpan<byte> json) => HasEscapedNul(json, "\\u0000"u8);

    private static bool HasEscapedNul<T>(ReadOnlySpan<T> json, ReadOnlySpan<T> escape)
        where T : IEquatable<T>
    {
        var offset = 0;
        int at;
        while ((at = json[offset..].IndexOf(escape)) >= 0)
        {
            var start = offset + at;
            var backslashes = 0;
            while (start - backslashes - 1 >= 0 && json[start - backslashes - 1].Equals(escape[0]))
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                return true;
            }

            offset = start + 1;
        }

        return false;
    }
}
