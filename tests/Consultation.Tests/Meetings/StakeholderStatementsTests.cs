using Consultation.Infrastructure.Http;
using Consultation.Meetings;

namespace Consultation.Tests.Meetings;

/// <summary>What a stakeholder said across meetings and which meetings it attended: database queries, paged, in a stable order.</summary>
[Collection(MeetingsApiCollection.Name)]
public sealed class StakeholderStatementsTests(MeetingsApiFactory api)
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    /// <summary>A speaker of its own (a slug, so tests sharing the schema never meet) and a group it speaks for.</summary>
    private static (string Speaker, string Group) NewStakeholders()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return ($"speaker-{suffix}", $"group-{suffix}");
    }

    /// <summary>
    /// Two processes; the speaker takes the floor in three meetings, once for the group; one meeting is cancelled. Recorded
    /// on 1 March 2018, after the last of them (nothing is opened or said before its day), then the clock is set back.
    /// </summary>
    private async Task<(string Speaker, string Group, string First, string Second)> RecordAsync()
    {
        var clock = api.Clock.Now;
        api.Clock.Now = new DateTimeOffset(2018, 3, 1, 9, 0, 0, TimeSpan.Zero);
        try
        {
            return await RecordAfterTheFactAsync();
        }
        finally
        {
            api.Clock.Now = clock;
        }
    }

    private async Task<(string Speaker, string Group, string First, string Second)> RecordAfterTheFactAsync()
    {
        var (speaker, group) = NewStakeholders();
        await _secretariat.EnsureStakeholderAsync(speaker, "CivilSociety", "Migrant Forum");
        await _secretariat.EnsureStakeholderAsync(group, "GroupOrBloc", "Group of Friends");
        await _secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");
        await _secretariat.UpdateOkAsync($"/stakeholders/{speaker}", "groups", new { group, joinedOn = "2017-01-01" });
        await _secretariat.UpdateOkAsync("/stakeholders/MEX", "groups", new { group, joinedOn = "2017-01-01" });
        var first = await _secretariat.LaunchProcessAsync();
        var second = await _secretariat.LaunchProcessAsync();
        await _secretariat.TableIssueAsync(first, "regular-pathways");

        // Scheduled and recorded out of calendar order: the later meeting first.
        var stocktaking = await MeetingAsync(first, "stocktaking", new(2017, 12, 4), new(2017, 12, 6));
        var hearing = await MeetingAsync(first, "hearing", new(2017, 7, 3), new(2017, 7, 3));
        var other = await MeetingAsync(second, "negotiation-1", new(2018, 2, 20), new(2018, 2, 20));
        await SayAsync(stocktaking, speaker, new(2017, 12, 5), issues: ["regular-pathways"]);
        await SayAsync(stocktaking, speaker, new(2017, 12, 4), onBehalfOf: group);
        await SayAsync(stocktaking, "MEX", new(2017, 12, 4), onBehalfOf: group);
        await SayAsync(hearing, speaker, new(2017, 7, 3));
        await SayAsync(other, speaker, new(2018, 2, 20));
        var cancelled = await _secretariat.ScheduleOkAsync(first, "cancelled", new(2017, 9, 1), new(2017, 9, 1));
        await _secretariat.UpdateOkAsync(cancelled, "participants", new { stakeholder = speaker, role = "Observer" });
        await _secretariat.UpdateOkAsync(cancelled, "cancel", new { reason = "No quorum" });
        return (speaker, group, first, second);

        async Task<string> MeetingAsync(string process, string meeting, DateOnly startsOn, DateOnly endsOn)
        {
            var url = await _secretariat.ScheduleOkAsync(process, meeting, startsOn, endsOn);
            await _secretariat.UpdateOkAsync(url, "open", new { });
            await _secretariat.UpdateOkAsync(url, "participants", new { stakeholder = speaker, delegationHead = "Ms. Ortega", role = "Panellist" });
            await _secretariat.UpdateOkAsync(url, "participants", new { stakeholder = "MEX", role = "Speaker" });
            return url;
        }
    }

    private Task SayAsync(string meeting, string speaker, DateOnly saidOn, string? onBehalfOf = null, string[]? issues = null) =>
        _secretariat.UpdateOkAsync(meeting, "statements", new { speaker, onBehalfOf, issues, summary = $"Said on {saidOn:yyyy-MM-dd}", language = "en", saidOn });

    private async Task<Page<StatementRecord>> StatementsAsync(string stakeholder, string query = "")
    {
        var response = await Client.GetAsync($"/stakeholders/{stakeholder}/statements{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<Page<StatementRecord>>();
    }

    [Fact]
    public async Task A_speakers_statements_across_meetings_come_in_the_order_they_were_said()
    {
        var (speaker, group, first, second) = await RecordAsync();

        var page = await StatementsAsync(speaker);

        Assert.Equal(
            [$"{first}/hearing/s1", $"{first}/stocktaking/s2", $"{first}/stocktaking/s1", $"{second}/negotiation-1/s1"],
            page.Items.Select(s => s.Id));
        Assert.Equal(4, page.TotalItems);
        var forGroup = page.Items[1];
        Assert.Equal((group, new DateOnly(2017, 12, 4), $"{first}/stocktaking", "s2", first), (forGroup.OnBehalfOf, forGroup.SaidOn, forGroup.Meeting, forGroup.Statement, forGroup.Process));
        Assert.Equal(["regular-pathways"], page.Items[2].Issues);
    }

    [Fact]
    public async Task Filters_by_process_and_by_capacity()
    {
        var (speaker, group, first, second) = await RecordAsync();

        Assert.Equal([$"{second}/negotiation-1/s1"], (await StatementsAsync(speaker, $"?process={second}")).Items.Select(s => s.Id));
        Assert.Equal(3, (await StatementsAsync(speaker, $"?process={first}")).TotalItems);
        Assert.Equal([$"{first}/stocktaking/s2", $"{first}/stocktaking/s3"], (await StatementsAsync(group, "?as=group")).Items.Select(s => s.Id));
        Assert.Empty((await StatementsAsync(group)).Items);
        Assert.Equal(2, (await StatementsAsync(group, "?as=Any")).TotalItems);
        Assert.Equal(4, (await StatementsAsync(speaker, "?as=Any")).TotalItems);
    }

    [Fact]
    public async Task Statements_are_paged_in_a_stable_order()
    {
        var (speaker, _, _, _) = await RecordAsync();
        var all = (await StatementsAsync(speaker)).Items.Select(s => s.Id).ToList();

        var pages = new[] { await StatementsAsync(speaker, "?pageSize=3"), await StatementsAsync(speaker, "?pageSize=3&page=2") };

        Assert.Equal(all, pages.SelectMany(p => p.Items).Select(s => s.Id));
        Assert.Equal((2L, 1), (pages[0].TotalPages, pages[1].Items.Count));
    }

    [Fact]
    public async Task Unknown_stakeholders_are_404_and_bad_parameters_400()
    {
        await (await Client.GetAsync("/stakeholders/XYZ/statements")).AssertProblemAsync(404);
        await (await Client.GetAsync("/stakeholders/XYZ/meetings")).AssertProblemAsync(404);
        await _secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");

        var problem = await (await Client.GetAsync("/stakeholders/MEX/statements?as=Listener&process=Not A Slug&pageSize=0")).AssertProblemAsync(400);
        foreach (var field in new[] { "as", "process", "pageSize" })
        {
            Assert.True(problem.ErrorsFor(field).Length > 0, $"no error for '{field}' in {problem.GetRawText()}");
        }

        Assert.NotEmpty((await (await Client.GetAsync("/stakeholders/MEX/meetings?page=0")).AssertProblemAsync(400)).ErrorsFor("page"));
    }

    [Fact]
    public async Task The_meetings_a_stakeholder_attended_come_by_date_without_cancelled_ones()
    {
        var (speaker, _, first, second) = await RecordAsync();

        var response = await Client.GetAsync($"/stakeholders/{speaker}/meetings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadAsync<Page<AttendedMeeting>>();
        Assert.Equal([$"{first}/hearing", $"{first}/stocktaking", $"{second}/negotiation-1"], page.Items.Select(m => m.Meeting));
        Assert.All(page.Items, m => Assert.Equal((ParticipantRole.Panellist, "Ms. Ortega"), (m.Role, m.DelegationHead)));
        var inSecond = await (await Client.GetAsync($"/stakeholders/{speaker}/meetings?process={second}&pageSize=1")).ReadAsync<Page<AttendedMeeting>>();
        Assert.Equal([$"{second}/negotiation-1"], inSecond.Items.Select(m => m.Meeting));
        Assert.Equal(1, inSecond.TotalItems);

        await using var session = api.Store.QuerySession();
        var attended = await new MeetingsAttended(session, Consultation.Infrastructure.Security.ProcessScope.Everything).ListAsync(speaker, CancellationToken.None);
        Assert.Equal(page.Items.Select(m => m.Meeting), attended.Select(m => m.Meeting));
    }
}
