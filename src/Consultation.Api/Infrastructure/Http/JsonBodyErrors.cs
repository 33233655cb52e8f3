using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Says what is wrong with a JSON body the serializer refused, one value at a time, from the type the endpoint binds: the
/// property it does not know and the ones it accepts, or the form a value must take (a date, a number, true or false, one
/// of some names) and, where the converter saw it, an excerpt of what came. Quotes only bounded, storable excerpts
/// (<see cref="JsonExcerpt"/>) of the client's input. A body that is not JSON at all (the reader's own error) is not one
/// value's fault: it is left to the caller.
/// </summary>
public sealed class JsonBodyErrors(IOptions<JsonOptions> json, RequestFieldRules fields)
{
    /// <summary>What a text field takes, as a wrong-type error says it.</summary>
    public const string Text = "a string (text in double quotes)";

    private const int PathExcerptLength = 120;

    /// <summary>The 400 for <paramref name="error"/> reading a body of type <paramref name="body"/>, or null when it is not about one value.</summary>
    public HttpValidationProblemDetails? Describe(JsonException error, Type? body)
    {
        var path = JsonExcerpt.Of(error.Path ?? "$", PathExcerptLength);
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        if (error is RefusedJsonValue { Rule: { } rule })
        {
            return Problem(field, $"'{field}' {rule}.");
        }

        if (error.InnerException is JsonException)
        {
            return null; // malformed JSON: the reader's error, at a line and position
        }

        var place = body is null ? null : Walk(body, error.Path ?? "$");
        if (place is { Unknown: { } unknown })
        {
            var accepts = string.Join(", ", AcceptedBy(place.Type));
            var parent = ParentOf(error.Path ?? "$");
            var where = parent == "$" ? "this request" : JsonExcerpt.Of(parent, PathExcerptLength);
            return Problem(field, $"unknown property '{JsonExcerpt.Of(unknown)}' (at {path}); {where} accepts: {accepts}");
        }

        var refused = error as RefusedJsonValue;
        // A text field naming an enum's members lists them (only the walk knows the field); otherwise what the converter said, else the type's form.
        var expected = (place?.Type == typeof(string) ? Expectation(place) : null) ?? refused?.Expected ?? (place is null ? null : Expectation(place));
        if (expected is null)
        {
            return null;
        }

        return Problem(field, $"{path}: expected {expected}{(refused?.Got is { } got ? $"; got {got}" : string.Empty)}");
    }

    private static HttpValidationProblemDetails Problem(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = message,
        };

    /// <summary>Where a path leads in the body's type: the value's type and the object and property holding it, or the property the object does not know.</summary>
    private sealed record Place(Type Type, Type? Parent, string? Property, string? Unknown);

    private Place? Walk(Type body, string path)
    {
        if (JsonPathSegments.Parse(path) is not { } segments)
        {
            return null;
        }

        var options = json.Value.SerializerOptions;
        var place = new Place(Unwrapped(body), null, null, null);
        for (var i = 0; i < segments.Count; i++)
        {
            var info = options.GetTypeInfo(place.Type);
            if (segments[i] is not { } name)
            {
                if (info.Kind != JsonTypeInfoKind.Enumerable || info.ElementType is null)
                {
                    return null;
                }

                place = place with { Type = Unwrapped(info.ElementType) };
                continue;
            }

            if (info.Kind != JsonTypeInfoKind.Object)
            {
                return null;
            }

            var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison));
            if (property is null)
            {
                return i == segments.Count - 1 ? place with { Unknown = name } : null;
            }

            place = new Place(Unwrapped(property.PropertyType), place.Type, property.Name, null);
        }

        return place;
    }

    private IEnumerable<string> AcceptedBy(Type type) =>
        json.Value.SerializerOptions.GetTypeInfo(type).Properties.Select(p => p.Name);

    private string? Expectation(Place place)
    {
        var type = place.Type;
        if (type == typeof(string))
        {
            return place.Parent is { } parent && place.Property is { } property
                && fields.For(parent)?.GetValueOrDefault(property)?.AllowedNames is { } names
                ? $"one of: {string.Join(", ", names)}"
                : Text;
        }

        if (type.IsEnum)
        {
            return $"one of: {string.Join(", ", Enum.GetNames(type))}";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
        {
            return "a whole number";
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return "a number";
        }

        if (type == typeof(DateOnly))
        {
            return IsoDates.Expectation;
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return MomentJsonConverter.Expectation;
        }

        return json.Value.SerializerOptions.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "a list (a JSON array)",
            JsonTypeInfoKind.Dictionary => "an object",
            JsonTypeInfoKind.Object => $"an object with: {string.Join(", ", AcceptedBy(type))}",
            _ => null,
        };
    }

    /// <summary>The path of the object holding the last property (<c>$.venue.cty</c> → <c>$.venue</c>, <c>$['a b']</c> → <c>$</c>).</summary>
    private static string ParentOf(string path)
    {
        var last = path.EndsWith("']", StringComparison.Ordinal) ? path.LastIndexOf("['", StringComparison.Ordinal) : path.LastIndexOf('.');
        return last > 0 ? path[..last] : "$";
    }

    private static Type Unwrapped(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
