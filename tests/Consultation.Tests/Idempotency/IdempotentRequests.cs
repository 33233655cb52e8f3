using System.Net.Http.Json;

namespace Consultation.Tests.Idempotency;

public static class IdempotentRequests
{
    /// <summary>POSTs JSON with an <c>Idempotency-Key</c> header (sent as given, unvalidated).</summary>
    public static Task<HttpResponseMessage> PostWithKeyAsync(this HttpClient client, string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: HttpExtensions.Json) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    public static string NewKey() => Guid.NewGuid().ToString();
}
