using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Consultation.Tests.Contract;

/// <summary>
/// An operation of the served document that takes a JSON body, with its schema's top-level fields and its example:
/// enough to send the example, or the example with one field changed, the way a generated client would.
/// </summary>
public sealed record DocumentedBody(string Method, string Path, bool TakesIfMatch, JsonObject Example, IReadOnlyList<DocumentedField> Fields)
{
    /// <summary>What stands in for each path parameter: an ordinary key of nothing that exists.</summary>
    public const string ProbeKey = "contract-probe";

    public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";

    public static IReadOnlyList<DocumentedBody> In(JsonElement document)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var bodies = new List<DocumentedBody>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("requestBody", out var body)
                    || !body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    continue;
                }

                var schema = DocumentSchemas.Resolve(json.GetProperty("schema"), schemas);
                var required = schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet() : [];
                var fields = schema.TryGetProperty("properties", out var properties)
                    ? properties.EnumerateObject().Select(p => DocumentedField.From(p.Name, required.Contains(p.Name), DocumentSchemas.Resolve(p.Value, schemas))).ToList()
                    : [];
                var example = json.TryGetProperty("example", out var given) ? JsonNode.Parse(given.GetRawText())!.AsObject() : [];
                var takesIfMatch = operation.Value.TryGetProperty("parameters", out var parameters)
                    && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == "If-Match");
                bodies.Add(new DocumentedBody(operation.Name, path.Name, takesIfMatch, example, fields));
            }
        }

        return bodies;
    }

    /// <summary>Sends <paramref name="body"/> (the example or a variant) as a client following the document would.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpClient client, JsonObject body)
    {
        var url = System.Text.RegularExpressions.Regex.Replace(Path, @"\{[^}]+\}", ProbeKey);
        var request = new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (TakesIfMatch)
        {
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        }

        return client.SendAsync(request);
    }

    /// <summary>The example with <paramref name="field"/> left out (<paramref name="value"/> null) or set to a value.</summary>
    public JsonObject ExampleWith(string field, JsonNode? value, bool leaveOut)
    {
        var copy = Example.DeepClone().AsObject();
        copy.Remove(field);
        if (!leaveOut)
        {
            copy[field] = value;
        }

        return copy;
    }

    /// <summary>The validation errors of a 400 answer (field names compared case-insensitively), or null when the answer is not a 400.</summary>
    public static async Task<IReadOnlySet<string>?> ValidationErrorsAsync(HttpResponseMessage response)
    {
        if ((int)response.StatusCode != 400)
        {
            return null;
        }

        var problem = await response.AssertProblemAsync(400);
        return problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>A top-level field of a documented body: required or not, and the names it accepts when it is an enum.</summary>
public sealed record DocumentedField(string Name, bool Required, IReadOnlyList<string> EnumNames)
{
    public static DocumentedField From(string name, bool required, JsonElement schema) =>
        new(name, required, schema.TryGetProperty("enum", out var names)
            ? [.. names.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!)]
            : []);
}
