namespace Consultation.Infrastructure.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header: at most <see cref="MaxLength"/> characters of
/// ASCII letters, digits and <c>- _ . : ~</c> (a UUID is the usual choice). The value may be sent
/// as a structured-field string, in double quotes, as the IETF draft writes it.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 100;

    public const string Rule = "The Idempotency-Key header must be one value of 1 to 100 characters: ASCII letters, digits and - _ . : ~ (a UUID is a good key).";

    /// <summary>The key without its optional quotes, or an <see cref="InvalidIdempotencyKey"/>.</summary>
    public static string Parse(IReadOnlyList<string?> values)
    {
        if (values.Count != 1 || values[0] is not { } raw)
        {
            throw new InvalidIdempotencyKey(Rule);
        }

        var key = raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? raw[1..^1] : raw;
        return IsValid(key) ? key : throw new InvalidIdempotencyKey(Rule);
    }

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength }
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '~');
}
