using Consultation.Meetings;

namespace Consultation.Tests.Meetings;

[Collection(MeetingsApiCollection.Name)]
public sealed class SchedulingMeetingsTests(MeetingsApiFactory api)
{
    private static readonly DateOnly StartsOn = new(2017, 12, 4);
    private static readonly DateOnly EndsOn = new(2017, 12, 6);

    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    [Fact]
    public async Task Scheduling_answers_201_with_location_etag_and_the_meeting_record()
    {
        var process = await _secretariat.LaunchProcessAsync();

        var response = await _secretariat.ScheduleAsync(process, Secretariat.MeetingBody("stocktaking-2017", StartsOn, EndsOn));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/processes/{process}/meetings/stocktaking-2017", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var meeting = await response.ReadAsync<MeetingDetails>();
        Assert.Equal($"{process}/stocktaking-2017", meeting.Id);
        Assert.Equal((process, "stocktaking-2017", MeetingKind.StocktakingMeeting, MeetingStatus.Scheduled), (meeting.Process, meeting.Meeting, meeting.Kind, meeting.Status));
        Assert.Equal(new Venue("Puerto Vallarta", "MEX"), meeting.Venue);
        Assert.Equal((StartsOn, EndsOn), (meeting.StartsOn, meeting.EndsOn));
        Assert.Equal(["Juan José Gómez Camacho", "Jürg Lauber"], meeting.Chairs);

        var read = await Client.GetAsync($"/processes/{process}/meetings/stocktaking-2017");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        await using var session = api.Store.QuerySession();
        Assert.IsType<MeetingScheduled>(Assert.Single(await session.Events.FetchStreamAsync($"{process}/stocktaking-2017")).Data);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_400_naming_each_field()
    {
        var process = await _secretariat.LaunchProcessAsync();

        var response = await Client.PostJsonAsync($"/processes/{process}/meetings", new
        {
            meeting = "Stocktaking 2017",
            kind = "Summit",
            title = "",
            venue = new { city = "", country = "Mexico" },
            startsOn = EndsOn,
            endsOn = StartsOn,
            chairs = Array.Empty<string>(),
        });

        var problem = await response.AssertProblemAsync(400);
        foreach (var field in new[] { "meeting", "kind", "title", "venue.city", "venue.country", "endsOn", "chairs" })
        {
            Assert.True(problem.ErrorsFor(field).Length > 0, $"no error for '{field}' in {problem.GetRawText()}");
        }

        var missing = await (await Client.PostJsonAsync($"/processes/{process}/meetings", new { meeting = "m1", kind = "IdeaLab", title = "Idea lab" })).AssertProblemAsync(400);
        foreach (var field in new[] { "venue", "startsOn", "endsOn", "chairs" })
        {
            Assert.True(missing.ErrorsFor(field).Length > 0, $"no error for '{field}' in {missing.GetRawText()}");
        }

        var tooMany = await (await Client.PostJsonAsync($"/processes/{process}/meetings", new
        {
            meeting = "m2",
            kind = "IdeaLab",
            title = "Idea lab",
            venue = new { city = "Geneva" },
            startsOn = StartsOn,
            endsOn = StartsOn,
            chairs = Enumerable.Range(1, 11).Select(i => $"Chair {i}").ToArray(),
        })).AssertProblemAsync(400);
        Assert.Contains(tooMany.ErrorsFor("chairs"), m => m.Contains("at most 10"));
        Assert.Equal(0, await CountMeetingsAsync(process));
    }

    [Fact]
    public async Task Scheduling_in_an_unknown_process_is_not_found()
    {
        var problem = await (await _secretariat.ScheduleAsync("no-such-process", Secretariat.MeetingBody("m1", StartsOn, EndsOn))).AssertProblemAsync(404);

        Assert.Contains("Process 'no-such-process' does not exist", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_meeting_key_is_used_once_in_a_process()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.ScheduleOkAsync(process, "stocktaking-2017", StartsOn, EndsOn);

        var problem = await (await _secretariat.ScheduleAsync(process, Secretariat.MeetingBody("stocktaking-2017", StartsOn, EndsOn))).AssertProblemAsync(409);

        Assert.Contains("never reused", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_same_meeting_key_in_another_process_is_another_meeting()
    {
        var first = await _secretariat.LaunchProcessAsync();
        var second = await _secretariat.LaunchProcessAsync();

        await _secretariat.ScheduleOkAsync(first, "informal-1", StartsOn, EndsOn);
        await _secretariat.ScheduleOkAsync(second, "informal-1", StartsOn, EndsOn);
    }

    [Fact]
    public async Task Meetings_are_dated_within_their_process()
    {
        var process = await _secretariat.LaunchProcessAsync();

        var early = await (await _secretariat.ScheduleAsync(process, Secretariat.MeetingBody("early", new(2017, 1, 10), new(2017, 1, 11)))).AssertProblemAsync(409);

        Assert.Contains("before process", early.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_concluded_process_schedules_nothing()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.ConcludeAsync(process, new DateOnly(2018, 12, 19));

        var problem = await (await _secretariat.ScheduleAsync(process, Secretariat.MeetingBody("after", new(2018, 12, 20), new(2018, 12, 20)))).AssertProblemAsync(409);

        Assert.Contains("concluded", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Rescheduling_moves_the_meeting_and_keeps_the_earlier_dates()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var meeting = await _secretariat.ScheduleOkAsync(process, "stocktaking-2017", new(2017, 11, 20), new(2017, 11, 22));

        var response = await Client.PostJsonAsync($"{meeting}/reschedule", new { startsOn = StartsOn, endsOn = EndsOn, reason = "Host country's request" }, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var details = await response.ReadAsync<MeetingDetails>();
        Assert.Equal((StartsOn, EndsOn), (details.StartsOn, details.EndsOn));
        Assert.Equal(new Venue("Puerto Vallarta", "MEX"), details.Venue);
        var earlier = Assert.Single(details.Reschedulings);
        Assert.Equal((new DateOnly(2017, 11, 20), new DateOnly(2017, 11, 22), "Host country's request"), (earlier.PreviousStartsOn, earlier.PreviousEndsOn, earlier.Reason));
    }

    [Fact]
    public async Task Rescheduling_checks_input_dates_and_the_if_match_version()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var meeting = await _secretariat.ScheduleOkAsync(process, "regional-1", StartsOn, EndsOn, "RegionalConsultation");

        var invalid = await (await Client.PostJsonAsync($"{meeting}/reschedule", new { startsOn = EndsOn, endsOn = StartsOn, venue = new { city = "Bangkok", country = "th" } }, "\"1\"")).AssertProblemAsync(400);
        Assert.NotEmpty(invalid.ErrorsFor("endsOn"));
        Assert.NotEmpty(invalid.ErrorsFor("venue.country"));
        Assert.NotEmpty(invalid.ErrorsFor("reason"));

        var nothing = await (await Client.PostJsonAsync($"{meeting}/reschedule", new { reason = "x" }, "\"1\"")).AssertProblemAsync(400);
        Assert.Contains(nothing.ErrorsFor("startsOn"), m => m.Contains("or both"));
        await (await Client.PostJsonAsync($"{meeting}/reschedule", new { startsOn = new DateOnly(2016, 1, 1), endsOn = new DateOnly(2016, 1, 2), reason = "x" }, "\"1\"")).AssertProblemAsync(409);
        await (await Client.PostJsonAsync($"{meeting}/reschedule", new { startsOn = new DateOnly(2017, 12, 7), reason = "after the end" }, "\"1\"")).AssertProblemAsync(409);
        await (await Client.PostJsonAsync($"{meeting}/reschedule", new { startsOn = StartsOn, endsOn = EndsOn, reason = "no change" }, "\"1\"")).AssertProblemAsync(409);
        await (await Client.PostJsonAsync($"{meeting}/reschedule", new { startsOn = StartsOn, endsOn = EndsOn, reason = "x" })).AssertProblemAsync(428);
        var moved = await Client.PostJsonAsync($"{meeting}/reschedule", new { startsOn = StartsOn, endsOn = EndsOn, venue = new { city = "Bangkok", country = "THA" }, reason = "ESCAP hosts" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var stale = await (await Client.PostJsonAsync($"{meeting}/reschedule", new { startsOn = EndsOn, endsOn = EndsOn, reason = "x" }, "\"1\"")).AssertProblemAsync(412);
        Assert.Equal(2, stale.GetProperty("currentVersion").GetInt64());
    }

    [Fact]
    public async Task Unknown_meetings_are_not_found()
    {
        var process = await _secretariat.LaunchProcessAsync();

        var read = await (await Client.GetAsync($"/processes/{process}/meetings/nothing-here")).AssertProblemAsync(404);
        Assert.Contains($"Meeting '{process}/nothing-here' does not exist", read.GetProperty("detail").GetString());
        await (await Client.PostJsonAsync($"/processes/{process}/meetings/nothing-here/open", new { }, "\"1\"")).AssertProblemAsync(404);
        await (await Client.PostJsonAsync($"/processes/{process}/meetings/nothing-here/cancel", new { reason = "x" }, "\"1\"")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task A_cancelled_meeting_opens_never_and_records_nothing()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var meeting = await _secretariat.ScheduleOkAsync(process, "hearing-1", StartsOn, StartsOn, "MultiStakeholderHearing");

        var noReason = await (await Client.PostJsonAsync($"{meeting}/cancel", new { }, "\"1\"")).AssertProblemAsync(400);
        Assert.NotEmpty(noReason.ErrorsFor("reason"));
        var cancelled = await Client.PostJsonAsync($"{meeting}/cancel", new { reason = "Hurricane warning" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var details = await cancelled.ReadAsync<MeetingDetails>();
        Assert.Equal((MeetingStatus.Cancelled, "Hurricane warning"), (details.Status, details.CancellationReason));

        await (await _secretariat.UpdateAsync(meeting, "open", new { })).AssertProblemAsync(409);
        await _secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");
        await (await _secretariat.UpdateAsync(meeting, "participants", new { stakeholder = "MEX", role = "Speaker" })).AssertProblemAsync(409);
        await (await _secretariat.UpdateAsync(meeting, "cancel", new { reason = "again" })).AssertProblemAsync(409);
        await using var session = api.Store.QuerySession();
        Assert.Equal(2, (await session.Events.FetchStreamAsync($"{process}/hearing-1")).Count);
    }

    [Fact]
    public async Task Open_then_close_with_the_chairs_summary_and_not_the_other_way_round()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var meeting = await _secretariat.ScheduleOkAsync(process, "thematic-1", new(2017, 5, 8), new(2017, 5, 9), "ThematicSession");

        var early = await (await _secretariat.UpdateAsync(meeting, "close", new { summary = "Nothing yet" })).AssertProblemAsync(409);
        Assert.Contains("closes only after it opened", early.GetProperty("detail").GetString());
        var opened = await (await _secretariat.UpdateOkAsync(meeting, "open", new { })).ReadAsync<MeetingDetails>();
        Assert.Equal((MeetingStatus.Open, api.Clock.Now), (opened.Status, opened.OpenedAt));
        await (await _secretariat.UpdateAsync(meeting, "open", new { })).AssertProblemAsync(409);
        await (await _secretariat.UpdateAsync(meeting, "reschedule", new { startsOn = new DateOnly(2017, 5, 9), endsOn = new DateOnly(2017, 5, 9), reason = "x" })).AssertProblemAsync(409);
        await (await _secretariat.UpdateAsync(meeting, "cancel", new { reason = "x" })).AssertProblemAsync(409);
        var noSummary = await (await _secretariat.UpdateAsync(meeting, "close", new { summary = " " })).AssertProblemAsync(400);
        Assert.NotEmpty(noSummary.ErrorsFor("summary"));

        var closed = await (await _secretariat.UpdateOkAsync(meeting, "close", new { summary = "Human rights of all migrants at the centre." })).ReadAsync<MeetingDetails>();

        Assert.Equal((MeetingStatus.Closed, "Human rights of all migrants at the centre.", api.Clock.Now), (closed.Status, closed.Summary, closed.ClosedAt));
        await (await _secretariat.UpdateAsync(meeting, "close", new { summary = "again" })).AssertProblemAsync(409);
    }

    [Fact]
    public async Task Updates_need_if_match_and_refuse_a_stale_one()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var meeting = await _secretariat.ScheduleOkAsync(process, "informal-2", StartsOn, StartsOn, "InformalConsultation");

        var missing = await (await Client.PostJsonAsync($"{meeting}/open", new { })).AssertProblemAsync(428);
        Assert.Contains("meeting", missing.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client.PostJsonAsync($"{meeting}/open", new { }, "\"1\"")).StatusCode);
        await (await Client.PostJsonAsync($"{meeting}/close", new { summary = "x" }, "\"1\"")).AssertProblemAsync(412);
    }

    [Fact]
    public async Task Readiness_stays_healthy_after_meetings_are_written()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.ScheduleOkAsync(process, "ready-check", StartsOn, StartsOn);
        await _secretariat.UpdateOkAsync(Secretariat.MeetingUrl(process, "ready-check"), "open", new { });

        var response = await Client.GetAsync("/health/ready");
        for (var attempt = 0; attempt < 60 && response.StatusCode != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(250);
            response = await Client.GetAsync("/health/ready");
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    private async Task<int> CountMeetingsAsync(string process)
    {
        await using var session = api.Store.QuerySession();
        return await session.Query<MeetingDetails>().CountAsync(x => x.Process == process);
    }
}
