using Consultation.Meetings;

namespace Consultation.Tests.Meetings;

/// <summary>A meeting's agenda: set when scheduled or later, amended with a reason until the meeting closes, its history kept.</summary>
[Collection(MeetingsApiCollection.Name)]
public sealed class AgendaTests(MeetingsApiFactory api)
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    private static object Item(string title, string? description = null, params string[] issues) => new { title, description, issues };

    private static object WithAgenda(string meeting, params object[] agenda) => new
    {
        meeting,
        kind = "StocktakingMeeting",
        title = "Stocktaking meeting",
        venue = new { city = "Puerto Vallarta", country = "MEX" },
        startsOn = new DateOnly(2017, 12, 4),
        endsOn = new DateOnly(2017, 12, 6),
        chairs = new[] { "Juan José Gómez Camacho", "Jürg Lauber" },
        agenda,
    };

    [Fact]
    public async Task An_agenda_set_when_scheduled_is_amended_with_a_reason_until_the_meeting_closes_and_its_history_is_kept()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.TableIssueAsync(process, "human-rights");
        await _secretariat.TableIssueAsync(process, "drivers");

        var scheduled = await _secretariat.ScheduleAsync(process, WithAgenda("stocktaking-2017",
            Item("Opening of the meeting"),
            Item("Taking stock of the consultations", "The six informal thematic sessions", "human-rights")));

        Assert.True(scheduled.StatusCode == HttpStatusCode.Created, await scheduled.Content.ReadAsStringAsync());
        var details = await scheduled.ReadAsync<MeetingDetails>();
        Assert.Equal([(1, "Opening of the meeting"), (2, "Taking stock of the consultations")], details.Agenda.Select(i => (i.Number, i.Title)));
        Assert.Equal(["human-rights"], details.Agenda[1].Issues);
        Assert.Equal("The six informal thematic sessions", details.Agenda[1].Description);
        var meeting = Secretariat.MeetingUrl(process, "stocktaking-2017");

        var unexplained = await (await _secretariat.UpdateAsync(meeting, "agenda", new { items = new[] { Item("Opening") } })).AssertProblemAsync(409);
        Assert.Contains("amending it needs a 'reason'", unexplained.GetProperty("detail").GetString());
        var amended = await (await _secretariat.UpdateOkAsync(meeting, "agenda", new
        {
            items = new[] { Item("Opening of the meeting"), Item("Taking stock of the consultations", null, "human-rights"), Item("Idea labs", null, "drivers") },
            reason = "Idea labs added by the co-facilitators",
        })).ReadAsync<MeetingDetails>();

        Assert.Equal(["Opening of the meeting", "Taking stock of the consultations", "Idea labs"], amended.Agenda.Select(i => i.Title));
        Assert.Equal([AgendaChange.Set, AgendaChange.Amended], amended.AgendaHistory.Select(h => h.Change));
        Assert.Equal("Idea labs added by the co-facilitators", amended.AgendaHistory[1].Reason);
        Assert.Equal(2, amended.AgendaHistory[0].Items.Count);

        // As of the moment it was set, the meeting read shows the first agenda.
        var setAt = amended.AgendaHistory[0].RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var then = await (await Client.GetAsync($"{meeting}?asOf={setAt}")).ReadAsync<MeetingDetails>();
        Assert.Equal(2, then.Agenda.Count);
        var audit = await (await Client.GetAsync($"/audit/streams/{process}/stocktaking-2017")).Content.ReadAsStringAsync();
        Assert.True(audit.Contains("\"agenda_amended\"", StringComparison.Ordinal), audit);

        await _secretariat.UpdateOkAsync(meeting, "open", new { });
        await _secretariat.UpdateOkAsync(meeting, "close", new { summary = "Took stock." });
        var closed = await (await _secretariat.UpdateAsync(meeting, "agenda", new { items = new[] { Item("Opening") }, reason = "Late change" })).AssertProblemAsync(409);
        Assert.Contains("is closed", closed.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_agenda_set_after_scheduling_takes_up_only_open_issues_of_the_process()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.TableIssueAsync(process, "human-rights");
        await _secretariat.TableIssueAsync(process, "old-wording");
        await _secretariat.RetireIssueAsync(process, "old-wording");
        var meeting = await _secretariat.ScheduleOkAsync(process, "hearing", new(2017, 7, 3), new(2017, 7, 3), "MultiStakeholderHearing");

        await (await _secretariat.UpdateAsync(meeting, "agenda", new { items = new[] { Item("Climate", null, "climate") } })).AssertProblemAsync(404);
        var retired = await (await _secretariat.UpdateAsync(meeting, "agenda", new { items = new[] { Item("Old", null, "old-wording") } })).AssertProblemAsync(409);
        Assert.Contains("is retired", retired.GetProperty("detail").GetString());
        var invalid = await (await _secretariat.UpdateAsync(meeting, "agenda", new { items = new[] { new { title = "", issues = new[] { "Not A Slug" } } } })).AssertProblemAsync(400);
        Assert.True(invalid.ErrorsFor("items[0].title").Length > 0, invalid.GetRawText());
        Assert.NotEmpty(invalid.ErrorsFor("items[0].issues[0]"));
        Assert.NotEmpty((await (await _secretariat.UpdateAsync(meeting, "agenda", new { items = Array.Empty<object>() })).AssertProblemAsync(400)).ErrorsFor("items"));
        var firstWithReason = await (await _secretariat.UpdateAsync(meeting, "agenda", new { items = new[] { Item("Hearing") }, reason = "x" })).AssertProblemAsync(409);
        Assert.Contains("no agenda yet", firstWithReason.GetProperty("detail").GetString());

        var set = await (await _secretariat.UpdateOkAsync(meeting, "agenda", new { items = new[] { Item("Hearing", "Civil society speaks", "human-rights") } })).ReadAsync<MeetingDetails>();

        Assert.Equal(AgendaChange.Set, Assert.Single(set.AgendaHistory).Change);
        Assert.Equal(["human-rights"], Assert.Single(set.Agenda).Issues);
        var same = await (await _secretariat.UpdateAsync(meeting, "agenda", new { items = new[] { Item("Hearing", "Civil society speaks", "human-rights") }, reason = "Again" })).AssertProblemAsync(409);
        Assert.Contains("Nothing to amend", same.GetProperty("detail").GetString());
    }
}
