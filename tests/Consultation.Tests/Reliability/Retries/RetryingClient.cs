using System.Net.Http.Json;

namespace Consultation.Tests.Reliability.Retries;

/// <summary>
/// Sends a write with an Idempotency-Key and resends the identical request, with the same key, after a dropped
/// connection, a timeout or a 409 "still in progress", until the service answers; as a careful client would.
/// </summary>
public sealed class RetryingClient(HttpClient client)
{
    public const int MaxAttempts = 30;

    public async Task<(HttpResponseMessage Answer, int Attempts)> PostAsync(string url, object body, string key)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: HttpExtensions.Json) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            request.Options.Set(FaultyNetwork.Attempt, attempt);
            try
            {
                var answer = await client.SendAsync(request);
                if (answer.StatusCode == HttpStatusCode.Conflict && answer.Headers.RetryAfter is not null)
                {
                    await Task.Delay(50); // the original is still being completed: retry shortly with the same key
                    continue;
                }

                return (answer, attempt);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // No answer (dropped or timed out): the write may or may not have happened. Resend, same key.
            }
        }

        throw new InvalidOperationException($"{url} with key {key}: no answer after {MaxAttempts} attempts.");
    }
}
