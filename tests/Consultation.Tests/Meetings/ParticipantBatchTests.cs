using Consultation.Infrastructure.Idempotency;
using Consultation.Meetings;
using Consultation.Meetings.Registering;
using Consultation.Tests.Idempotency;

namespace Consultation.Tests.Meetings;

/// <summary><c>POST /processes/{key}/meetings/{meeting}/participants/batch</c>: a list of participants in one all-or-nothing request.</summary>
public sealed class ParticipantBatchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    private static string Url(string meeting) => $"{meeting}/participants/batch";

    private static object Participant(string stakeholder, string role = "Speaker") => new { stakeholder, role };

    private async Task<string> OpenAsync()
    {
        var (_, meeting) = await _secretariat.OpenStocktakingAsync("sovereignty");
        foreach (var key in new[] { "ECU", "THA", "ZAF" })
        {
            await _secretariat.EnsureStakeholderAsync(key);
        }

        return meeting;
    }

    [Fact]
    public async Task A_batch_registers_every_participant_in_one_append_and_answers_the_meeting_version()
    {
        var meeting = await OpenAsync();
        var version = long.Parse((await _secretariat.ETagAsync(meeting)).Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        var before = await api.CountEventsAsync();

        var response = await Client.PostJsonAsync(Url(meeting), new { items = new[] { Participant("ECU"), Participant("THA", "Observer"), Participant("ZAF") } });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var written = await response.ReadAsync<RegisterParticipantsInBatch.Written>();
        Assert.Equal(["ECU", "THA", "ZAF"], written.Participants.Select(p => p.Stakeholder));
        Assert.Equal(version + 3, written.Version);
        Assert.Equal(await _secretariat.ETagAsync(meeting), response.Headers.ETag?.Tag);
        Assert.Equal(before + 3, await api.CountEventsAsync());
        var details = await (await Client.GetAsync(written.Location)).ReadAsync<MeetingDetails>();
        Assert.Equal(ParticipantRole.Observer, details.Participants.Single(p => p.Stakeholder == "THA").Role);
    }

    [Fact]
    public async Task Malformed_and_rule_breaking_items_are_reported_by_index_and_nothing_is_written()
    {
        var meeting = await OpenAsync();
        var before = await api.CountEventsAsync();

        var malformed = await (await Client.PostJsonAsync(Url(meeting), new
        {
            items = new object?[] { Participant("ECU"), Participant("THA", "Heckler"), new { role = "Speaker" }, null },
        })).AssertProblemAsync(400);
        var broken = await (await Client.PostJsonAsync(Url(meeting), new
        {
            items = new[] { Participant("ECU"), Participant("MEX"), Participant("XYZ"), Participant("ECU"), Participant("ZAF") },
        })).AssertProblemAsync(422);

        Assert.NotEmpty(malformed.ErrorsFor("items[1].role"));
        Assert.NotEmpty(malformed.ErrorsFor("items[2].stakeholder"));
        Assert.NotEmpty(malformed.ErrorsFor("items[3]"));
        Assert.Equal(["items[1]", "items[2]", "items[3]"], broken.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("already registered", broken.ErrorsFor("items[1]").Single(), StringComparison.Ordinal);
        Assert.Contains("XYZ", broken.ErrorsFor("items[2]").Single(), StringComparison.Ordinal);
        Assert.Contains("already registered", broken.ErrorsFor("items[3]").Single(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task An_unknown_meeting_is_404_and_a_stale_if_match_412_for_the_whole_batch()
    {
        var meeting = await OpenAsync();

        await (await Client.PostJsonAsync(Url(meeting + "-not"), new { items = new[] { Participant("ECU") } })).AssertProblemAsync(404);
        await (await Client.PostJsonAsync(Url(meeting), new { items = new[] { Participant("ECU") } }, ifMatch: "\"1\"")).AssertProblemAsync(412);
        var current = await Client.PostJsonAsync(Url(meeting), new { items = new[] { Participant("ECU") } }, ifMatch: await _secretariat.ETagAsync(meeting));
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task A_retried_batch_replays_its_answer_without_writing()
    {
        var meeting = await OpenAsync();
        var key = IdempotentRequests.NewKey();
        var body = new { items = new[] { Participant("ECU"), Participant("THA") } };

        var first = await Client.PostWithKeyAsync(Url(meeting), body, key);
        var afterFirst = await api.CountEventsAsync();
        var retry = await Client.PostWithKeyAsync(Url(meeting), body, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        Assert.Equal(afterFirst, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_retry_whose_first_answer_was_never_recorded_answers_it_from_the_key_and_writes_nothing()
    {
        var meeting = await OpenAsync();
        var body = new { items = new[] { Participant("ECU"), Participant("THA") } };

        var (first, retry, written) = await Client.RetryAfterUnrecordedAnswerAsync(api, Url(meeting), body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        Assert.Equal(0, written);
    }
}
