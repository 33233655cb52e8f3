using Microsoft.OpenApi;

namespace Consultation.Tests.Contract;

/// <summary>The OpenAPI document as a client gets it from <c>/openapi/v1.json</c>, read with Microsoft.OpenApi (as client generators do) and as raw JSON.</summary>
public sealed record ServedDocument(OpenApiDocument Document, JsonElement Json)
{
    public static async Task<ServedDocument> LoadAsync(HttpClient client)
    {
        var text = await client.GetStringAsync("/openapi/v1.json");
        var read = OpenApiDocument.Parse(text, "json");
        Assert.True(read.Diagnostic is null || read.Diagnostic.Errors.Count == 0, "The document does not parse: " + string.Join("; ", read.Diagnostic?.Errors.Select(e => e.ToString()) ?? []));
        return new ServedDocument(read.Document!, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Every operation: its path, method and the operation.</summary>
    public IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations =>
        Document.Paths.SelectMany(p => (p.Value.Operations ?? []).Select(o => (p.Key, o.Key, o.Value)));

    public OpenApiOperation? Find(string path, HttpMethod method) =>
        Document.Paths.TryGetValue(path, out var item) && item.Operations is { } operations && operations.TryGetValue(method, out var operation) ? operation : null;
}
