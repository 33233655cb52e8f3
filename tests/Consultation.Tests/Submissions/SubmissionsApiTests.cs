using Consultation.Infrastructure.Http;
using Consultation.Infrastructure.Idempotency;
using Consultation.Submissions;
using Consultation.Tests.Idempotency;

namespace Consultation.Tests.Submissions;

/// <summary>Recording, reading, listing, correcting and withdrawing written submissions through the API, on PostgreSQL.</summary>
public sealed class SubmissionsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    public static Dictionary<string, object?> Body(
        string submission = "mex-2017-10",
        string sender = "MEX",
        string? onBehalfOf = null,
        string receivedOn = "2017-10-16",
        string[]? issues = null,
        string channel = "Letter",
        string? link = "https://example.org/contributions/mex.pdf") => new()
    {
        ["submission"] = submission,
        ["from"] = sender,
        ["onBehalfOf"] = onBehalfOf,
        ["receivedOn"] = receivedOn,
        ["issues"] = issues ?? ["human-rights"],
        ["channel"] = channel,
        ["title"] = $"Contribution of {sender}",
        ["documentReference"] = "GCM/2017/1",
        ["link"] = link,
        ["language"] = "es",
    };

    public static string Url(string process, string submission) => $"/processes/{process}/submissions/{submission}";

    private async Task<string> ProcessAsync()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.TableIssueAsync(process, "human-rights");
        await _secretariat.TableIssueAsync(process, "drivers");
        await _secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");
        await _secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        return process;
    }

    [Fact]
    public async Task A_retried_recording_with_its_idempotency_key_replays_the_answer_and_writes_nothing()
    {
        var process = await ProcessAsync();
        var key = IdempotentRequests.NewKey();
        var url = $"/processes/{process}/submissions";

        var first = await Client.PostWithKeyAsync(url, Body(), key);
        var before = await api.CountEventsAsync();
        var retry = await Client.PostWithKeyAsync(url, Body(), key);
        var other = await Client.PostWithKeyAsync(url, Body(submission: "mex-2017-11"), key);

        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        await other.AssertProblemAsync(422);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_recorded_submission_is_read_back_with_its_etag_and_address()
    {
        var process = await ProcessAsync();

        var response = await Client.PostJsonAsync($"/processes/{process}/submissions", Body());

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal(Url(process, "mex-2017-10"), response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        var details = await response.ReadAsync<SubmissionDetails>();
        Assert.Equal($"{process}/submission:mex-2017-10", details.Id);
        Assert.Equal(("MEX", new DateOnly(2017, 10, 16), SubmissionChannel.Letter, "es"), (details.From, details.ReceivedOn, details.Channel, details.Language));
        Assert.Equal(["human-rights"], details.Issues);
        Assert.Equal("https://example.org/contributions/mex.pdf", details.Link);
        var read = await Client.GetAsync(Url(process, "mex-2017-10"));
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        Assert.Equal(await response.Content.ReadAsStringAsync(), await read.Content.ReadAsStringAsync());

        var again = await (await Client.PostJsonAsync($"/processes/{process}/submissions", Body())).AssertProblemAsync(409);
        Assert.Contains("never reused", again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field()
    {
        var process = await ProcessAsync();
        var body = Body(channel: "Pigeon", link: "javascript:alert(1)");
        body["language"] = "Spanish";
        body["issues"] = Array.Empty<string>();

        var problem = await (await Client.PostJsonAsync($"/processes/{process}/submissions", body)).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor("channel"));
        Assert.Contains("http or https", problem.ErrorsFor("link").Single());
        Assert.Contains("ISO 639-1", problem.ErrorsFor("language").Single());
        Assert.NotEmpty(problem.ErrorsFor("issues"));
        await (await Client.PostJsonAsync($"/processes/{process}/submissions", Body(link: "ftp://example.org/a"))).AssertProblemAsync(400);
    }

    [Fact]
    public async Task Record_rules_answer_404_and_409()
    {
        var process = await ProcessAsync();

        await (await Client.PostJsonAsync($"/processes/{process}/submissions", Body(sender: "ZZZ"))).AssertProblemAsync(404);
        await (await Client.PostJsonAsync($"/processes/{process}/submissions", Body(issues: ["sovereignty"]))).AssertProblemAsync(404);
        await (await Client.PostJsonAsync("/processes/no-such-process/submissions", Body())).AssertProblemAsync(404);
        var early = await (await Client.PostJsonAsync($"/processes/{process}/submissions", Body(receivedOn: "2017-01-02"))).AssertProblemAsync(409);
        Assert.Contains("before the process starts", early.GetProperty("detail").GetString());
        var notMember = await (await Client.PostJsonAsync($"/processes/{process}/submissions", Body(onBehalfOf: "ECU"))).AssertProblemAsync(409);
        Assert.Contains("on behalf of a group or bloc", notMember.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_list_filters_by_stakeholder_and_issue_in_order_received()
    {
        var process = await ProcessAsync();
        await _secretariat.EnsureStakeholderAsync("grulac", kind: "GroupOrBloc", name: "Latin American and Caribbean Group");
        await _secretariat.UpdateOkAsync("/stakeholders/ECU", "groups", new { group = "grulac", joinedOn = "2017-01-01" });
        foreach (var body in new[]
                 {
                     Body("mex-2", receivedOn: "2017-11-01", issues: ["drivers"]),
                     Body("mex-1", receivedOn: "2017-10-01"),
                     Body("ecu-1", sender: "ECU", onBehalfOf: "grulac", receivedOn: "2017-10-20", issues: ["human-rights", "drivers"]),
                 })
        {
            var response = await Client.PostJsonAsync($"/processes/{process}/submissions", body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        async Task<string[]> ListAsync(string query) =>
            [.. (await (await Client.GetAsync($"/processes/{process}/submissions{query}")).ReadAsync<Page<SubmissionDetails>>()).Items.Select(s => s.Submission)];

        Assert.Equal(["mex-1", "ecu-1", "mex-2"], await ListAsync(string.Empty));
        Assert.Equal(["mex-1", "mex-2"], await ListAsync("?stakeholder=MEX"));
        Assert.Equal(["ecu-1"], await ListAsync("?stakeholder=grulac"));
        Assert.Equal(["ecu-1", "mex-2"], await ListAsync("?issue=drivers"));
        Assert.Equal(["mex-2"], await ListAsync("?stakeholder=MEX&issue=drivers"));
        Assert.Equal(["ecu-1"], await ListAsync("?page=2&pageSize=1"));
        await (await Client.GetAsync($"/processes/{process}/submissions?stakeholder=not%20a%20key")).AssertProblemAsync(400);
    }

    [Fact]
    public async Task A_correction_and_a_withdrawal_are_new_events_and_the_record_as_of_before_them_is_kept()
    {
        var process = await ProcessAsync();
        var url = Url(process, "mex-2017-10");
        var recorded = await (await Client.PostJsonAsync($"/processes/{process}/submissions", Body())).ReadAsync<SubmissionDetails>();

        await (await Client.PostJsonAsync($"{url}/correct", new { channel = "Email", reason = "By e-mail" }, "\"7\"")).AssertProblemAsync(412);
        var corrected = await (await _secretariat.UpdateOkAsync(url, "correct", new { channel = "Email", issues = new[] { "human-rights", "drivers" }, clear = new[] { "link" }, reason = "Received by e-mail" }))
            .ReadAsync<SubmissionDetails>();
        Assert.Equal((SubmissionChannel.Email, null as string, 2L), (corrected.Channel, corrected.Link, corrected.Version));
        Assert.Equal(["human-rights", "drivers"], corrected.Issues);
        await (await _secretariat.UpdateAsync(url, "correct", new { channel = "Email", reason = "Again" })).AssertProblemAsync(409);
        await (await _secretariat.UpdateAsync(url, "correct", new { link = "https://example.org/x", clear = new[] { "link" }, reason = "Both" })).AssertProblemAsync(400);

        var withdrawn = await (await _secretariat.UpdateOkAsync(url, "withdraw", new { reason = "Recorded twice" })).ReadAsync<SubmissionDetails>();
        Assert.True(withdrawn.Withdrawn);
        Assert.Equal([SubmissionChange.Recorded, SubmissionChange.Corrected, SubmissionChange.Withdrawn], withdrawn.History.Select(h => h.Change));
        await (await _secretariat.UpdateAsync(url, "withdraw", new { reason = "Again" })).AssertProblemAsync(409);

        var at = recorded.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var then = await Client.GetAsync($"{url}?asOf={at}");
        Assert.False(then.Headers.Contains("ETag"));
        var asRecorded = await then.ReadAsync<SubmissionDetails>();
        Assert.Equal((SubmissionChannel.Letter, false, 1L), (asRecorded.Channel, asRecorded.Withdrawn, asRecorded.Version));
        var audit = await (await Client.GetAsync($"/audit/events?process={process}&streamKind=submission")).Content.ReadAsStringAsync();
        Assert.Contains("submission_corrected", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_and_a_submission_can_share_a_slug_without_sharing_a_stream()
    {
        var process = await ProcessAsync();
        await _secretariat.ScheduleOkAsync(process, "mex-2017-10", new DateOnly(2017, 10, 16), new DateOnly(2017, 10, 16));

        var response = await Client.PostJsonAsync($"/processes/{process}/submissions", Body());

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(Secretariat.MeetingUrl(process, "mex-2017-10"))).StatusCode);
        var stream = await (await Client.GetAsync($"/audit/streams/{process}/submission:mex-2017-10")).Content.ReadAsStringAsync();
        Assert.Contains("submission_recorded", stream, StringComparison.Ordinal);
        Assert.DoesNotContain("meeting_scheduled", stream, StringComparison.Ordinal);
    }
}
