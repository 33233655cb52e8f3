using System.Text.Json.Nodes;

namespace Consultation.Projections;

/// <summary>Where two JSON documents differ, as JSON paths (<c>$.memberships[0].group</c>) with both values, shortened.</summary>
public static class JsonDifferences
{
    public const int MaxFields = 20;
    public const int MaxValueLength = 200;

    public static IReadOnlyList<FieldDifference> Between(string live, string rebuilt)
    {
        var found = new List<FieldDifference>();
        Walk("$", true, JsonNode.Parse(live), true, JsonNode.Parse(rebuilt), found);
        // jsonb said they differ; if no field does here (a number written two ways), show the documents.
        return found.Count > 0 ? found : [new FieldDifference("$", Shorten(live), Shorten(rebuilt))];
    }

    public static string Shorten(string value) => value.Length <= MaxValueLength ? value : value[..MaxValueLength] + "…";

    private static void Walk(string path, bool inLive, JsonNode? live, bool inRebuilt, JsonNode? rebuilt, List<FieldDifference> found)
    {
        if (found.Count >= MaxFields)
        {
            return;
        }

        switch (live, rebuilt)
        {
            case (JsonObject a, JsonObject b) when inLive && inRebuilt:
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal))
                {
                    var inA = a.TryGetPropertyValue(key, out var childA);
                    var inB = b.TryGetPropertyValue(key, out var childB);
                    Walk(Member(path, key), inA, childA, inB, childB, found);
                }

                break;
            case (JsonArray a, JsonArray b) when inLive && inRebuilt:
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    Walk($"{path}[{i}]", i < a.Count, i < a.Count ? a[i] : null, i < b.Count, i < b.Count ? b[i] : null, found);
                }

                break;
            default:
                if (inLive != inRebuilt || !JsonNode.DeepEquals(live, rebuilt))
                {
                    found.Add(new FieldDifference(path, Render(inLive, live), Render(inRebuilt, rebuilt)));
                }

                break;
        }
    }

    private static string? Render(bool present, JsonNode? node) => present ? Shorten(node?.ToJsonString() ?? "null") : null;

    private static string Member(string path, string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(key[0])
            ? $"{path}.{key}"
            : $"{path}['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";
}
