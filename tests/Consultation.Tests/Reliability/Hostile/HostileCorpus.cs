using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace Consultation.Tests.Reliability.Hostile;

/// <summary>
/// FsCheck generators of hostile requests to the write endpoints: each case takes an endpoint and a body shaped like
/// the one it binds (<see cref="PlausibleBody"/>) and breaks one thing — the document's syntax, its root, a field's
/// JSON type, a field's value (control characters, huge strings, invalid keys, boundary numbers and dates), an unknown
/// field, the content type, a route value, the If-Match or Idempotency-Key header.
/// </summary>
public static partial class HostileCorpus
{
    private const string Json = "application/json";
    private const string Slot = "__hostile_slot__";

    public static Gen<HostileCase> For(IReadOnlyList<WriteEndpoint> endpoints, string process) =>
        from endpoint in Gen.Elements(endpoints.ToArray())
        from hostile in CaseFor(endpoint, process)
        select hostile;

    private static Gen<HostileCase> CaseFor(WriteEndpoint endpoint, string process)
    {
        var url = endpoint.Route.Url(process);
        var body = endpoint.BodyType is null ? null : PlausibleBody.For(endpoint.BodyType);
        var json = body?.ToJsonString();
        var defects = new List<Gen<(string Defect, string Url, string? Body, string ContentType)>>();
        if (body is not null && json is not null)
        {
            defects.Add(Gen.Elements(HostileValues.NotJson).Select(b => ("not JSON", url, (string?)b, Json)));
            defects.Add(Gen.Choose(1, Math.Max(1, json.Length - 1)).Select(n => ("truncated JSON", url, (string?)json[..n], Json)));
            defects.Add(Gen.Elements(HostileValues.WrongRoots(endpoint.BodyIsOptional)).Select(b => ("root not an object", url, (string?)b, Json)));
            defects.Add(Gen.Elements("zz", "$type", "__proto__", "Version", "id", "\u0000", "stance ").Zip(Gen.Elements(HostileValues.HostileNumbers))
                .Select(x => ("unknown field", url, (string?)With(body, x.Item1, x.Item2), Json)));
            defects.Add(Gen.Elements("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")
                .Select(ct => ("wrong content type", url, (string?)json, ct)));
            foreach (var (name, node) in body)
            {
                defects.Add(Gen.Elements(WrongTypes(node)).Select(v => ($"wrong type for '{name}'", url, (string?)With(body, name, v), Json)));
                defects.Add(Gen.Elements(HostileFor(name, node)).Select(v => ($"hostile value for '{name}'", url, (string?)With(body, name, v), Json)));
            }
        }

        if (RouteParameter().IsMatch(endpoint.Route.Pattern))
        {
            defects.Add(Gen.Elements(HostileValues.HostileRouteValues).Select(v => ("hostile route value", HostileRoute(endpoint, process, v), json, Json)));
        }

        var ifMatch = Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements(HostileValues.HostileIfMatch).Select(v => (string?)v)), (2, Gen.Constant<string?>("\"1\"")));
        var key = Gen.Frequency((4, Gen.Constant<string?>(null)), (1, Gen.Elements(HostileValues.HostileIdempotencyKeys).Select(v => (string?)v)), (1, Gen.Constant<string?>(Guid.NewGuid().ToString())));
        return from defect in Gen.OneOf(defects)
               from m in ifMatch
               from k in key
               select new HostileCase(endpoint, defect.Defect, defect.Url, defect.Body, defect.ContentType, m, k);
    }

    /// <summary>The body with one field's value replaced by raw JSON text (or added, when the body has no such field).</summary>
    private static string With(JsonObject body, string name, string rawValue)
    {
        var copy = (JsonObject)body.DeepClone();
        copy[name] = Slot;
        return copy.ToJsonString().Replace($"\"{Slot}\"", rawValue, StringComparison.Ordinal);
    }

    /// <summary>Values of a JSON kind the field cannot bind (numbers are left out for strings: an enum may take its number).</summary>
    private static string[] WrongTypes(JsonNode? node) => node?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => ["{}", "[]", "true", "[\"a\"]", "{\"a\":1}"],
        System.Text.Json.JsonValueKind.Number => ["{}", "[]", "true", "\"many\"", "\"\"", "[1]"],
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => ["\"yes\"", "{}", "[]", "\"\""],
        System.Text.Json.JsonValueKind.Array => ["{}", "\"a\"", "true", "{\"0\":1}"],
        System.Text.Json.JsonValueKind.Object => ["[]", "\"a\"", "true", "[{}]"],
        _ => ["{\"a\":{\"b\":[]}}"],
    };

    /// <summary>Hostile values of the field's own JSON kind: strings (as dates, when the field is a date), numbers.</summary>
    private static string[] HostileFor(string name, JsonNode? node) => node?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => HostileValues.HostileNumbers,
        System.Text.Json.JsonValueKind.String when name.EndsWith("On", StringComparison.Ordinal) => HostileValues.HostileDates,
        _ when IsKeyField(name) => [.. HostileValues.RefusedAsKeys.Select(JsonString)],
        _ => [.. HostileValues.RefusedEverywhere.Select(JsonString)],
    };

    /// <summary>Fields that name a thing by its key or code (or a fixed vocabulary), rather than carry free text.</summary>
    private static bool IsKeyField(string name) =>
        name.Contains("key", StringComparison.OrdinalIgnoreCase)
        || name is "stakeholder" or "speaker" or "onBehalfOf" or "issue" or "parent" or "meeting" or "group" or "phase" or "area" or "facilitator"
            or "kind" or "regionalGroup" or "role" or "language" or "quoteLanguage" or "country" or "isoCode";

    private static string HostileRoute(WriteEndpoint endpoint, string process, string value)
    {
        var parameters = RouteParameter().Matches(endpoint.Route.Pattern);
        var chosen = parameters[Math.Abs(value.GetHashCode(StringComparison.Ordinal)) % parameters.Count].Value;
        return new EndpointRouteWith(endpoint.Route.Pattern.Replace(chosen, value, StringComparison.Ordinal), endpoint.Route.Method).Url(process);
    }

    /// <summary>A JSON string literal that escapes everything outside printable ASCII, lone surrogates included.</summary>
    public static string JsonString(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or > '~' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    [GeneratedRegex(@"\{(\*\*)?[A-Za-z]+(:[a-z]+)?\??\}")]
    private static partial Regex RouteParameter();

    private sealed record EndpointRouteWith(string Pattern, string Method)
    {
        public string Url(string process) => new Security.EndpointRoute(Method, Pattern).Url(process);
    }
}
