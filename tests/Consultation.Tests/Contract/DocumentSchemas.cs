namespace Consultation.Tests.Contract;

/// <summary>Reading schemas out of the served OpenAPI document as a client generator would.</summary>
public static class DocumentSchemas
{
    /// <summary>The schema itself: a <c>$ref</c> followed into <paramref name="schemas"/>, a nullable <c>oneOf</c> to its referenced member.</summary>
    public static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema.TryGetProperty("oneOf", out var either) && either.EnumerateArray().FirstOrDefault(s => s.TryGetProperty("$ref", out _)) is { ValueKind: JsonValueKind.Object } one
            ? Resolve(one, schemas)
            : schema;
    }
}
