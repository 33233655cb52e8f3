using System.Text;
using System.Text.Json.Nodes;
using Consultation.Infrastructure.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consultation.Tests.Reliability.Hostile;

/// <summary>
/// Hostile requests for every operation of the served OpenAPI document, by class: control and format characters (NUL
/// included) in every string parameter and body field, overflowing numbers, path tricks, bad headers, unknown charsets,
/// duplicate JSON keys, deep nesting, huge arrays, tokens without <c>sub</c>, tokens for another process.
/// </summary>
public static class DocumentHostileCorpus
{
    private const string Slot = "__hostile_slot__";

    /// <summary>Text no parameter or field should take; NUL is the one PostgreSQL cannot store.</summary>
    public static readonly string[] ControlAndFormatCharacters =
        ["\u0000", "a\u0000b", "\u0007bell", "\u001b[31mred", "\u009b", "x\u202Eevil", "\u200Binvisible", "\uFEFFbom", "\uFFFF"];

    /// <summary>
    /// The subset every text field must refuse (zero-width spaces and byte-order marks are left out: scripts such as Thai
    /// use the former in ordinary text; whether short reference fields refuse format characters is their own rule).
    /// </summary>
    public static readonly string[] RefusedInText = [.. ControlAndFormatCharacters.Where(t => !t.Contains('\u200B') && !t.Contains('\uFEFF'))];

    public static readonly string[] OverflowingNumbers = ["2147483647", "2147483648", "-2147483649", "99999999999", "-9223372036854775809", "1e400", "abc"];

    /// <summary>Route values, URL-encoded as sent (no %00: the test host, like Kestrel, refuses it before the service).</summary>
    public static readonly string[] PathTricks = ["..", "%2E%2E", "a%2Fb", "%2F", "%01", "%E2%80%AE", "%25", "%F0%9F%98%80", new string('a', 300), "a%20b"];

    public static IEnumerable<DocumentHostileCase> For(IReadOnlyList<DocumentedOperation> operations, IReadOnlyDictionary<string, string> knownPathValues)
    {
        foreach (var operation in operations)
        {
            var url = operation.Url(knownPathValues);
            var body = operation.Example?.ToJsonString();
            var ifMatch = operation.Parameters.Any(p => p is { In: "header", Name: "If-Match" }) ? new[] { ("If-Match", "\"1\"") } : [];
            DocumentHostileCase Case(string @class, string detail, string caseUrl, string? caseBody, bool mustRefuse, string? contentType = null, IReadOnlyList<(string, string)>? headers = null, string? token = null) =>
                new(@class, operation, detail, caseUrl, caseBody, contentType, headers ?? ifMatch, token, mustRefuse);

            foreach (var parameter in operation.Parameters)
            {
                switch (parameter.In)
                {
                    case "path":
                        foreach (var trick in PathTricks)
                        {
                            yield return Case("path tricks", $"{parameter.Name}={trick}", operation.Url(new Dictionary<string, string>(knownPathValues) { [parameter.Name] = trick }), body, operation.IsWrite);
                        }

                        break;
                    case "query" when parameter.Type is "integer" or "number":
                        foreach (var number in OverflowingNumbers)
                        {
                            yield return Case("overflowing numbers", $"{parameter.Name}={number}", operation.Url(knownPathValues, $"{parameter.Name}={number}"), body, operation.IsWrite);
                        }

                        break;
                    case "query":
                        foreach (var text in ControlAndFormatCharacters)
                        {
                            yield return Case("control characters", $"{parameter.Name}={Escape(text)}", operation.Url(knownPathValues, $"{parameter.Name}={Uri.EscapeDataString(text)}"), body, operation.IsWrite);
                        }

                        break;
                    case "header":
                        foreach (var value in parameter.Name == "If-Match" ? HostileValues.HostileIfMatch : HostileValues.HostileIdempotencyKeys)
                        {
                            yield return Case("bad headers", $"{parameter.Name}: {value}", url, body, operation.IsWrite, headers: [(parameter.Name, value), .. ifMatch.Where(h => h.Item1 != parameter.Name)]);
                        }

                        break;
                }
            }

            if (operation.Example is { } example && body is not null)
            {
                foreach (var (field, type) in operation.BodyFields)
                {
                    var values = type switch
                    {
                        "integer" or "number" => OverflowingNumbers.Where(n => n != "abc").ToArray(),
                        "array" => [HugeArray(), Nested(200)],
                        "object" => [Nested(200)],
                        "boolean" => ["2"],
                        _ => [.. RefusedInText.Select(HostileCorpus.JsonString), "\"\\ud800\""],
                    };
                    var @class = type switch
                    {
                        "integer" or "number" => "overflowing numbers",
                        "array" or "object" => "huge arrays and deep nesting",
                        _ => "control characters",
                    };
                    foreach (var value in values)
                    {
                        yield return Case(@class, $"{field}={(value.Length > 40 ? value[..40] + "…" : value)}", url, With(example, field, value), mustRefuse: true);
                    }
                }

                yield return Case("huge arrays and deep nesting", "body nested 5000 deep", url, new string('[', 5000) + new string(']', 5000), mustRefuse: true);
                yield return Case("unknown charsets", "charset=garbage", url, body, mustRefuse: true, contentType: "application/json; charset=garbage");
                yield return Case("unknown charsets", "charset=utf-16 on UTF-8 bytes", url, body, mustRefuse: true, contentType: "application/json; charset=utf-16");
                if (example.FirstOrDefault() is { Key: { } first, Value: var firstValue })
                {
                    var duplicated = "{" + HostileCorpus.JsonString(first) + ":" + (firstValue?.ToJsonString() ?? "null") + "," + body[1..];
                    yield return Case("duplicate keys", $"'{first}' twice", url, duplicated, mustRefuse: true);
                }
            }

            if (operation.Path.StartsWith("/processes/{", StringComparison.Ordinal))
            {
                var elsewhere = TestIdentity.Token("hostile-elsewhere", Roles.All, ["elsewhere"]);
                yield return Case("tokens for another process", "token for process 'elsewhere'", url, body, mustRefuse: true, token: elsewhere) with { ExpectedStatus = 403 };
            }

            if (operation.NeedsToken)
            {
                yield return Case("tokens without sub", "no 'sub' claim", url, body, mustRefuse: true, token: WithoutSubject()) with { ExpectedStatus = 401 };
                yield return Case("tokens without sub", "'sub' empty", url, body, mustRefuse: true, token: TestIdentity.Token(string.Empty, Roles.All, [ConsultationClaims.AllProcesses])) with { ExpectedStatus = 401 };
            }
        }
    }

    /// <summary>The dashboard's pages with hostile query parameters (page numbers, dates, filters).</summary>
    public static IEnumerable<(string Url, string Detail)> ForPages(IEnumerable<string> pageUrls)
    {
        string[] hostile = ["page=abc", "page=99999999999", "page=-1", "page=0", "asOf=yesterday", "asOf=%00", "on=2017-02-30", "atClose=zz", "timeline=%01",
            "kind=%00", "regionalGroup=%E2%80%AE", "group=..%2F..", "returnUrl=%2F%2Fevil.example", "page=1e400"];
        return pageUrls.SelectMany(url => hostile.Select(q => ($"{url}?{q}", q)));
    }

    /// <summary>A token signed with the test key that names roles and processes but no subject at all.</summary>
    public static string WithoutSubject()
    {
        var claims = new Dictionary<string, object>
        {
            [ConsultationClaims.Role] = Roles.All.ToArray(),
            [ConsultationClaims.Process] = new[] { ConsultationClaims.AllProcesses },
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthenticationSettings.DevelopmentIssuer,
            Audience = TestIdentity.Settings.Audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(DevelopmentTokens.SigningKey(TestIdentity.Key), SecurityAlgorithms.HmacSha256),
        });
    }

    private static string With(JsonObject body, string name, string rawValue)
    {
        var copy = (JsonObject)body.DeepClone();
        copy[name] = Slot;
        return copy.ToJsonString().Replace($"\"{Slot}\"", rawValue, StringComparison.Ordinal);
    }

    private static string HugeArray() => "[" + string.Join(',', Enumerable.Repeat("\"x\"", 100_000)) + "]";

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static string Escape(string text) => new StringBuilder().AppendJoin(string.Empty, text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString())).ToString();
}
