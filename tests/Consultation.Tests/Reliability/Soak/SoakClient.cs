using System.Globalization;
using Consultation.Positions;

namespace Consultation.Tests.Reliability.Soak;

/// <summary>
/// One secretariat clerk of the soak: each write picks a position at random, reads it, and states, revises, corrects,
/// withdraws or re-states it with the ETag it read. A 412 (someone wrote since) or 409 (someone stated it first) is
/// retried with a fresh read until the write is acknowledged; any other refusal fails the test.
/// </summary>
public sealed class SoakClient(int index, HttpClient client, string process, IReadOnlyList<string> issues, IReadOnlyList<string> stakeholders, int seed, SoakTally tally)
{
    private const int MaxAttempts = 200;
    private static readonly DateOnly MeetingStart = new(2017, 12, 4);
    private readonly Random _random = new(seed);

    public async Task<IReadOnlyList<Acknowledgement>> RunAsync(int writes)
    {
        var acknowledged = new List<Acknowledgement>(writes);
        for (var n = 0; n < writes; n++)
        {
            var issue = issues[_random.Next(issues.Count)];
            var stakeholder = stakeholders[_random.Next(stakeholders.Count)];
            acknowledged.Add(await WriteAsync(issue, stakeholder, $"clerk {index} write {n}"));
        }

        return acknowledged;
    }

    private async Task<Acknowledgement> WriteAsync(string issue, string stakeholder, string marker)
    {
        var url = PositionSteps.PositionUrl(process, issue, stakeholder);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var read = await client.GetAsync(url);
            tally.Count(HttpMethod.Get, read);
            var readVersion = read.StatusCode == HttpStatusCode.OK ? VersionOf(read) : 0;
            var (kind, response) = read.StatusCode switch
            {
                HttpStatusCode.NotFound => ("Stated", await StateAsync(issue, stakeholder, MeetingStart, marker)),
                HttpStatusCode.OK => await ChangeAsync(issue, stakeholder, url, await read.ReadAsync<PositionDetails>(), read.Headers.ETag!.Tag, marker),
                _ => throw new InvalidOperationException($"GET {url}: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}"),
            };
            tally.Count(HttpMethod.Post, response);
            if (response.IsSuccessStatusCode)
            {
                return new Acknowledgement($"{process}/{issue}/{stakeholder}", readVersion, kind, marker, VersionOf(response));
            }

            if (response.StatusCode is not (HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict))
            {
                throw new InvalidOperationException($"{kind} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        throw new InvalidOperationException($"{marker} on {url} was refused {MaxAttempts} times in a row.");
    }

    private async Task<(string Kind, HttpResponseMessage Response)> ChangeAsync(string issue, string stakeholder, string url, PositionDetails current, string etag, string marker)
    {
        if (current.Status == PositionStatus.Withdrawn)
        {
            return ("Stated", await StateAsync(issue, stakeholder, current.WithdrawnOn!.Value, marker));
        }

        var roll = _random.NextDouble();
        if (roll < 0.1)
        {
            return ("Withdrawn", await client.PostJsonAsync($"{url}/withdraw", new { meeting = "stocktaking-2017", withdrawnOn = current.StatedOn, reason = marker }, etag));
        }

        var (action, kind, statedOn) = roll < 0.55
            ? ("revise", "Revised", current.StatedOn.AddDays(_random.Next(0, new DateOnly(2017, 12, 6).DayNumber - current.StatedOn.DayNumber + 1)))
            : ("correct", "Corrected", MeetingStart.AddDays(_random.Next(0, 3)));
        var body = new { stance = Stance(), summary = marker, meeting = "stocktaking-2017", statedOn, reason = $"Reason for {marker}" };
        return (kind, await client.PostJsonAsync($"{url}/{action}", body, etag));
    }

    private Task<HttpResponseMessage> StateAsync(string issue, string stakeholder, DateOnly statedOn, string marker) =>
        client.PostJsonAsync($"/processes/{process}/issues/{issue}/positions", new { stakeholder, stance = Stance(), summary = marker, meeting = "stocktaking-2017", statedOn });

    private int Stance() => _random.Next(-2, 3);

    private static long VersionOf(HttpResponseMessage response) =>
        long.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);
}
