using System.Text.Json;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// The value a JSON body held at a path, for a refusal that must quote what was sent when the serializer did not say it
/// (a number or a boolean of the wrong type: the serializer's own converters keep the value to themselves). JSON bodies
/// are kept readable again for that (<see cref="KeepJsonBodies"/>: in memory, up to the body limit); the value is read
/// back only when a body was refused.
/// </summary>
public static class SentJsonValue
{
    /// <summary>Lets a JSON body be read again after the endpoint read it (buffered in memory, never on disk).</summary>
    public static IApplicationBuilder KeepJsonBodies(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Request.HasJsonContentType())
            {
                http.Request.EnableBuffering(bufferThreshold: (int)HttpSetup.MaxRequestBodyBytes, bufferLimit: HttpSetup.MaxRequestBodyBytes);
            }

            return next(http);
        });

    /// <summary>
    /// What the body held at <paramref name="path"/>, as a refusal quotes it (<see cref="JsonExcerpt.Got(JsonElement)"/>), or
    /// null when the body cannot be read again, is not well-formed JSON or has nothing there.
    /// </summary>
    public static async Task<string?> AtAsync(HttpContext http, string? path)
    {
        if (path is null || JsonPathSegments.Parse(path) is not { } segments || !http.Request.Body.CanSeek)
        {
            return null;
        }

        try
        {
            http.Request.Body.Position = 0;
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var element = document.RootElement;
            var index = IndexesOf(path);
            foreach (var segment in segments)
            {
                if (segment is null)
                {
                    if (element.ValueKind != JsonValueKind.Array || !index.MoveNext() || index.Current >= element.GetArrayLength())
                    {
                        return null;
                    }

                    element = element[index.Current];
                }
                else if (element.ValueKind != JsonValueKind.Object || !TryGetProperty(element, segment, out element))
                {
                    return null;
                }
            }

            return JsonExcerpt.Got(element);
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or NotSupportedException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The property as the serializer matched it: exactly, else ignoring case (the service's JSON options do).</summary>
    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>The array indexes of a path, in order (<c>$.items[3].tags[0]</c> → 3, 0).</summary>
    private static IEnumerator<int> IndexesOf(string path) =>
        System.Text.RegularExpressions.Regex.Matches(path, @"\[([0-9]+)\]")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .GetEnumerator();
}
