using System.Diagnostics;
using Consultation.Tests.Idempotency;

namespace Consultation.Tests.Reliability.Outage;

/// <summary>
/// A careful client: sends its writes one after another, each with its own Idempotency-Key, and resends a write with the same
/// key after a 503 (or a 409 "in progress") or no answer, until it is acknowledged or the deadline passes.
/// </summary>
public sealed class OutageClient(HttpClient client, IReadOnlyList<KeyedWrite> writes, OutageTally tally)
{
    /// <summary>Shorter than the Retry-After the service asks for, so the test stays short; the pace is not what is tested.</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(DateTime deadline)
    {
        foreach (var write in writes)
        {
            while (DateTime.UtcNow < deadline && !await SendAsync(write))
            {
                await Task.Delay(RetryPause);
            }
        }
    }

    /// <summary>True when the write is settled (acknowledged, or refused for a reason a retry would not change).</summary>
    private async Task<bool> SendAsync(KeyedWrite write)
    {
        var clock = Stopwatch.StartNew();
        HttpResponseMessage answer;
        tally.Sending(write);
        try
        {
            answer = await client.PostWithKeyAsync(write.Url, write.Body, write.Key);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            tally.NoAnswer(clock.Elapsed, e.Message);
            return false;
        }
        finally
        {
            tally.Settled(write);
        }

        var body = await answer.Content.ReadAsStringAsync();
        var retryAfter = answer.Headers.RetryAfter is not null;
        tally.Answered(answer.StatusCode, retryAfter, clock.Elapsed, body);
        if (answer.IsSuccessStatusCode)
        {
            if (answer.Headers.Contains("Idempotency-Replayed"))
            {
                tally.Replayed();
            }

            tally.Acknowledge(write);
            return true;
        }

        return !(retryAfter && answer.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict);
    }
}
