using System.Text.Json;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// A JSON value a converter refuses while reading a body: a well-formed value breaking a rule (<see cref="Rule"/>: out of the
/// record's span, text it cannot store), or a value not of the form the field takes (<see cref="Expected"/>, with what was
/// <see cref="Got"/>, an excerpt). The serializer adds the JSON path (<see cref="JsonException.Path"/>) of the value, which the 400 names.
/// </summary>
public sealed class RefusedJsonValue : JsonException
{
    public RefusedJsonValue(string rule) => Rule = rule;

    private RefusedJsonValue(string expected, string got)
    {
        Expected = expected;
        Got = got;
    }

    public string? Rule { get; }

    public string? Expected { get; }

    public string? Got { get; }

    /// <summary>The field the path names, as the errors of a validation problem name fields (<c>$.items[2].speaker</c> → <c>items[2].speaker</c>).</summary>
    public string Field => Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : Path ?? "$";

    /// <summary>The value is not of the form the field takes: say which form, and quote (an excerpt of) what came.</summary>
    public static RefusedJsonValue NotA(string expected, ref Utf8JsonReader reader) => new(expected, JsonExcerpt.Got(ref reader));

    /// <summary>The same, when the value was already read as text.</summary>
    public static RefusedJsonValue NotA(string expected, string text) => new(expected, $"'{JsonExcerpt.Of(text)}'");
}
