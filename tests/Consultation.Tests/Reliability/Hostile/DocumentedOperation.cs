using System.Text.Json.Nodes;
using Consultation.Tests.Contract;

namespace Consultation.Tests.Reliability.Hostile;

/// <summary>A parameter of a documented operation: where it goes and the JSON type its schema names.</summary>
public sealed record DocumentedParameter(string Name, string In, string Type);

/// <summary>
/// An operation as the served OpenAPI document describes it (reads included): its parameters, and for a JSON body the
/// example and each top-level field's type. The hostile corpus is generated from these, so an endpoint added later is
/// attacked without anyone adding it to a list.
/// </summary>
public sealed record DocumentedOperation(string Method, string Path, IReadOnlyList<DocumentedParameter> Parameters, JsonObject? Example, IReadOnlyDictionary<string, string> BodyFields)
{
    /// <summary>Whether the document says the operation needs a token (it lists a 401 answer); an anonymous one does not.</summary>
    public bool NeedsToken { get; init; } = true;

    public const string ProbeKey = "contract-probe";

    public bool IsWrite => Method is not ("GET" or "HEAD");

    public bool TakesBody => Example is not null;

    public override string ToString() => $"{Method} {Path}";

    /// <summary>The URL with each path parameter replaced (URL-encoded values as given) and the query appended.</summary>
    public string Url(IReadOnlyDictionary<string, string>? pathValues = null, string? query = null)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(Path, @"\{([^}]+)\}", m => pathValues?.GetValueOrDefault(m.Groups[1].Value) ?? ProbeKey);
        return query is null ? path : $"{path}?{query}";
    }

    public static IReadOnlyList<DocumentedOperation> In(JsonElement document)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var operations = new List<DocumentedOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new DocumentedParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, TypeOf(p.TryGetProperty("schema", out var s) ? s : default))).ToList()
                    : [];
                JsonObject? example = null;
                var fields = new Dictionary<string, string>();
                if (operation.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    example = json.TryGetProperty("example", out var given) ? JsonNode.Parse(given.GetRawText())!.AsObject() : [];
                    var schema = DocumentSchemas.Resolve(json.GetProperty("schema"), schemas);
                    if (schema.TryGetProperty("properties", out var properties))
                    {
                        foreach (var property in properties.EnumerateObject())
                        {
                            fields[property.Name] = TypeOf(DocumentSchemas.Resolve(property.Value, schemas));
                        }
                    }
                }

                operations.Add(new DocumentedOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, example, fields)
                {
                    NeedsToken = operation.Value.TryGetProperty("responses", out var responses) && responses.TryGetProperty("401", out _),
                });
            }
        }

        return operations;
    }

    /// <summary>The schema's JSON type other than null ("string", "integer", "number", "array", "object", "boolean").</summary>
    private static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "string";
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            return names.FirstOrDefault(n => n is "integer" or "number") ?? names.FirstOrDefault(n => n != "null") ?? "string";
        }

        return schema.TryGetProperty("properties", out _) ? "object" : "string";
    }
}
