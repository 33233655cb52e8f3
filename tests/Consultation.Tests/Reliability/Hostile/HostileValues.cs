namespace Consultation.Tests.Reliability.Hostile;

/// <summary>The raw material of the hostile corpus: malformed documents and values that no write may accept.</summary>
public static class HostileValues
{
    /// <summary>Bodies that are not one JSON document.</summary>
    public static readonly string[] NotJson =
    [
        " ", "{", "}", "[", "]", "{{}}", "{\"a\":}", "{'key':'MEX'}", "{key:\"MEX\"}", "{\"a\":1,}", "[1,2,,]", "nul", "tru", "NaN",
        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":\"\\x41\"}", "{\"a\":\"unterminated}", "// comment\n{}", "/* c */{}",
        "{}{}", "{} trailing", "\u0000", "\u0000{}", "\uFEFF\uFEFF{}", "<xml/>", "key=MEX&kind=MemberState", "\"\\uD800\"x",
        new string('[', 5000), new string('{', 3000) + new string('}', 2999), "{\"a\":" + new string('[', 200) + new string(']', 200) + "}",
    ];

    /// <summary>JSON documents whose root is not an object (plus <c>null</c> where a body is required).</summary>
    public static string[] WrongRoots(bool bodyIsOptional) =>
        [.. new[] { "[]", "[{}]", "\"MEX\"", "42", "-1", "1e400", "true", "false", "\"\"" }.Concat(bodyIsOptional ? [] : ["null"])];

    /// <summary>
    /// Strings no text field may take: control characters (other than line breaks and tabs), lone surrogates, far too long,
    /// bidirectional overrides and isolates (text that displays other than it is stored), noncharacters.
    /// </summary>
    public static readonly string[] RefusedEverywhere =
    [
        "\u0000", "a\u0000b", "\u0007bell", "\u001b[31mred", "\u0085next", "\u009b", "\uD800", "\uDC00x", new string('y', 100_000), new string('\u0001', 300),
        "\uFFFF", "a\uFFFEb", "\uFDD0", "supports \u202Esesoppo", "\u202Aembedded\u202C", "x\u2066isolated\u2069", "\u2067rtl\u2069", "\uDBFF\uDFFF",
    ];

    /// <summary>Strings that are fine as free text but are no key, code or name of a thing: refused in key fields.</summary>
    public static readonly string[] RefusedAsKeys =
    [
        .. RefusedEverywhere, "../../etc/passwd", "MEX/../../x", "%2e%2e%2f", "<script>alert(1)</script>", "'; drop table mt_events; --", "${jndi:ldap://x}",
        "", "   ", "MEX ", " mex", "ÄÖÜ", "a b", "-", "--", "a--b", new string('k', 300), "line\nbreak", "\u202Eevil", "\u200B",
        string.Concat(Enumerable.Repeat("\uD83D\uDE00", 30)),
    ];

    /// <summary>Numbers out of any range a field takes, or not integers.</summary>
    public static readonly string[] HostileNumbers =
        ["3", "-3", "2147483647", "-2147483648", "2147483648", "-9223372036854775809", "1.5", "-0.0001", "1e400", "1e-400", "99999999999999999999999"];

    /// <summary>Dates that are not dates, or not ISO dates.</summary>
    public static readonly string[] HostileDates =
        ["\"2017-02-29\"", "\"2017-13-01\"", "\"2017-12-32\"", "\"0000-01-01\"", "\"10000-01-01\"", "\"2017-12-4\"", "\"04/12/2017\"", "\"\"", "\"yesterday\"", "\"2017-12-05T25:00:00Z\"", "20171205", "\"-2017-12-05\""];

    /// <summary>If-Match values that are not one strong ETag of a version.</summary>
    public static readonly string[] HostileIfMatch =
        ["*", "W/\"1\"", "\"-1\"", "\"1.5\"", "\"99999999999999999999\"", "1", "\"1\", \"2\"", "\"\"", "\"abc\"", "\"0x1\""];

    /// <summary>Idempotency keys that break the header's rule.</summary>
    public static readonly string[] HostileIdempotencyKeys =
        ["", "\"\"", "has space", "a/b", "semi;colon", "clé", new string('k', 101), "\"unbalanced", "tab\tkey"];

    /// <summary>Route values (already URL-encoded) that name nothing valid (no %00: the test host, like Kestrel, refuses it before the service).</summary>
    public static readonly string[] HostileRouteValues =
        ["%01", "%2E%2E", "a%20b", "%E2%80%AE", "MEX%2F..", "%25", "-", "UPPER-slug", "x%0Ay", new string('a', 300), "%F0%9F%98%80"];
}
