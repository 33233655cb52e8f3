using System.Text.Json;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// A JSON body naming a property twice is refused (<see cref="JsonSerializerOptions.AllowDuplicateProperties"/> off):
/// with the last value winning, a proxy or validator that reads the first one sees another request than the one recorded.
/// </summary>
public static class DuplicateKeys
{
    /// <summary>The duplicated property's path (<c>items[0].stance</c>), when that is why the body was refused.</summary>
    public static string? Named(JsonException json) =>
        json.Message.StartsWith("Duplicate", StringComparison.Ordinal) && json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal)
            ? path[2..]
            : null;

    public static HttpValidationProblemDetails Problem(string key) =>
        new(new Dictionary<string, string[]> { [key] = [$"'{key}' is given more than once: give each property once."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = $"The body names '{key}' more than once.",
        };
}
