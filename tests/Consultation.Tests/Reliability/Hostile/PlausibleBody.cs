using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Consultation.Tests.Reliability.Hostile;

/// <summary>
/// A JSON body shaped like the one an endpoint binds (property names and JSON kinds from its request type), with
/// ordinary values: the carrier into which the hostile corpus puts one defect at a time.
/// </summary>
public static class PlausibleBody
{
    public static JsonObject For(Type type, int depth = 0)
    {
        var body = new JsonObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            body[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = ValueFor(property.PropertyType, property.Name, depth);
        }

        return body;
    }

    private static JsonNode? ValueFor(Type type, string name, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return JsonValue.Create(StringFor(name));
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return JsonValue.Create(1);
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return JsonValue.Create(0.5);
        }

        if (type == typeof(bool))
        {
            return JsonValue.Create(true);
        }

        if (type == typeof(DateOnly))
        {
            return JsonValue.Create("2017-12-05");
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return JsonValue.Create("2017-12-05T10:00:00Z");
        }

        if (type == typeof(Guid))
        {
            return JsonValue.Create(Guid.NewGuid().ToString());
        }

        if (type.IsEnum)
        {
            return JsonValue.Create(Enum.GetNames(type)[0]);
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && ElementOf(type) is { } element)
        {
            return depth < 3 ? new JsonArray(ValueFor(element, name, depth + 1)) : new JsonArray();
        }

        return depth < 3 && type.IsClass ? For(type, depth + 1) : null;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string StringFor(string name) => name.ToLowerInvariant() switch
    {
        "stakeholder" or "speaker" or "onbehalfof" or "country" => "MEX",
        "issue" or "parent" => "alpha",
        "meeting" => "stocktaking-2017",
        "group" => "african-group",
        "phase" => "stocktaking",
        "kind" => "MemberState",
        "regionalgroup" => "LatinAmericanAndCaribbean",
        "language" or "quotelanguage" => "es",
        _ when name.EndsWith("On", StringComparison.Ordinal) => "2017-12-05",
        var n when n.Contains("key", StringComparison.Ordinal) => $"hostile-{Guid.NewGuid():N}"[..16],
        _ => "Ordinary text",
    };
}
