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

    /// <summary>
    /// As if the service stopped after committing a keyed request's events and its key, before recording its response:
    /// the key's record loses its response, keeping what was committed with the events.
    /// </summary>
    public static async Task ForgetRecordedResponseAsync(this ServiceFactory api, string key)
    {
        await using var session = api.Store.LightweightSession();
        var record = Assert.Single(await session.Query<Consultation.Infrastructure.Idempotency.IdempotencyRecord>().Where(r => r.Key == key).ToListAsync());
        session.Store(record with { Response = null, CompletedAt = null });
        await session.SaveChangesAsync();
    }

    /// <summary>Sends a keyed request, forgets its recorded response, sends it again: the first answer and the retry's.</summary>
    public static async Task<(HttpResponseMessage First, HttpResponseMessage Retry, long EventsWrittenByRetry)> RetryAfterUnrecordedAnswerAsync(
        this HttpClient client, ServiceFactory api, string url, object body)
    {
        var key = NewKey();
        var first = await client.PostWithKeyAsync(url, body, key);
        await api.ForgetRecordedResponseAsync(key);
        var before = await api.CountEventsAsync();
        var retry = await client.PostWithKeyAsync(url, body, key);
        return (first, retry, await api.CountEventsAsync() - before);
    }
}
