using System.Text.Json;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// A well-formed JSON value a converter refuses while reading a body (<see cref="Rule"/> says why); the serializer adds the
/// JSON path (<see cref="JsonException.Path"/>) of the value, which the 400 names.
/// </summary>
public sealed class RefusedJsonValue(string rule) : JsonException
{
    public string Rule { get; } = rule;

    /// <summary>The field the path names, as the errors of a validation problem name fields (<c>$.items[2].speaker</c> → <c>items[2].speaker</c>).</summary>
    public string Field => Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : Path ?? "$";
}
