using System.Text;

namespace Consultation.Tests.Reliability.Hostile;

/// <summary>One request of the hostile corpus: which endpoint, what is wrong with it, and the request as sent.</summary>
public sealed record HostileCase(WriteEndpoint Endpoint, string Defect, string Url, string? Body, string ContentType, string? IfMatch, string? IdempotencyKey)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Endpoint.Route.Method), Url);
        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(ContentType);
        }

        if (IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        }

        if (IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        return request;
    }

    public override string ToString() =>
        $"{Endpoint.Route.Method} {Url} [{Defect}] If-Match: {IfMatch ?? "-"}, Idempotency-Key: {IdempotencyKey ?? "-"}, {ContentType}, body: {Shorten(Body)}";

    private static string Shorten(string? body) => body is null ? "(none)" : body.Length <= 300 ? body : $"{body[..300]}… ({body.Length} chars)";
}
