using Consultation.Infrastructure.Http;
using Consultation.Meetings;

namespace Consultation.Tests.Meetings;

[Collection(MeetingsApiCollection.Name)]
public sealed class ListingMeetingsTests(MeetingsApiFactory api)
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    /// <summary>
    /// A process with a consultation phase (May–October 2017), a stocktaking phase (from December 2017, still under way)
    /// and five meetings scheduled out of calendar order; one is cancelled and one open.
    /// </summary>
    private async Task<string> CalendarAsync()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.StartPhaseAsync(process, "consultation", new(2017, 5, 1));
        await _secretariat.EndPhaseAsync(process, "consultation", new(2017, 10, 31));
        await _secretariat.StartPhaseAsync(process, "stocktaking", new(2017, 12, 1));
        await _secretariat.ScheduleOkAsync(process, "stocktaking-2017", new(2017, 12, 4), new(2017, 12, 6), "StocktakingMeeting");
        await _secretariat.ScheduleOkAsync(process, "thematic-2", new(2017, 6, 19), new(2017, 6, 20), "ThematicSession");
        await _secretariat.ScheduleOkAsync(process, "thematic-1", new(2017, 5, 8), new(2017, 5, 9), "ThematicSession");
        await _secretariat.ScheduleOkAsync(process, "hearing", new(2017, 7, 3), new(2017, 7, 3), "MultiStakeholderHearing");
        await _secretariat.ScheduleOkAsync(process, "informal", new(2017, 11, 15), new(2017, 11, 15), "InformalConsultation");
        await _secretariat.UpdateOkAsync(Secretariat.MeetingUrl(process, "informal"), "cancel", new { reason = "Merged into the stocktaking meeting" });
        await _secretariat.UpdateOkAsync(Secretariat.MeetingUrl(process, "stocktaking-2017"), "open", new { });
        return process;
    }

    private async Task<Page<MeetingSummary>> ListAsync(string process, string query = "")
    {
        var response = await Client.GetAsync($"/processes/{process}/meetings{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<Page<MeetingSummary>>();
    }

    [Fact]
    public async Task Meetings_of_a_process_come_in_calendar_order()
    {
        var process = await CalendarAsync();
        await _secretariat.ScheduleOkAsync(await _secretariat.LaunchProcessAsync(), "elsewhere", new(2017, 5, 1), new(2017, 5, 1));

        var page = await ListAsync(process);

        Assert.Equal(["thematic-1", "thematic-2", "hearing", "informal", "stocktaking-2017"], page.Items.Select(m => m.Meeting));
        Assert.Equal(5, page.TotalItems);
        var stocktaking = page.Items[^1];
        Assert.Equal(($"{process}/stocktaking-2017", MeetingKind.StocktakingMeeting, MeetingStatus.Open, 2L), (stocktaking.Id, stocktaking.Kind, stocktaking.Status, stocktaking.Version));
        Assert.Equal(new Venue("Puerto Vallarta", "MEX"), stocktaking.Venue);
    }

    [Fact]
    public async Task Filters_by_kind_status_and_phase()
    {
        var process = await CalendarAsync();

        Assert.Equal(["thematic-1", "thematic-2"], (await ListAsync(process, "?kind=thematicsession")).Items.Select(m => m.Meeting));
        Assert.Equal(["informal"], (await ListAsync(process, "?status=Cancelled")).Items.Select(m => m.Meeting));
        Assert.Equal(["thematic-1", "thematic-2", "hearing"], (await ListAsync(process, "?phase=consultation")).Items.Select(m => m.Meeting));
        Assert.Equal(["stocktaking-2017"], (await ListAsync(process, "?phase=stocktaking")).Items.Select(m => m.Meeting));
        Assert.Equal(["hearing"], (await ListAsync(process, "?phase=consultation&kind=MultiStakeholderHearing&status=Scheduled")).Items.Select(m => m.Meeting));
    }

    [Fact]
    public async Task Lists_are_paged()
    {
        var process = await CalendarAsync();

        var second = await ListAsync(process, "?page=2&pageSize=2");

        Assert.Equal(["hearing", "informal"], second.Items.Select(m => m.Meeting));
        Assert.Equal((2, 2, 5L, 3L), (second.PageNumber, second.PageSize, second.TotalItems, second.TotalPages));
        Assert.Empty((await ListAsync(process, "?page=4&pageSize=2")).Items);
    }

    [Fact]
    public async Task Bad_filters_are_400_and_unknown_process_or_phase_404()
    {
        var process = await _secretariat.LaunchProcessAsync();

        var problem = await (await Client.GetAsync($"/processes/{process}/meetings?kind=Summit&status=Postponed&page=0&pageSize=500&phase=Stock Taking")).AssertProblemAsync(400);
        foreach (var field in new[] { "kind", "status", "page", "pageSize", "phase" })
        {
            Assert.True(problem.ErrorsFor(field).Length > 0, $"no error for '{field}' in {problem.GetRawText()}");
        }

        Assert.Contains("Process 'nowhere'", (await (await Client.GetAsync("/processes/nowhere/meetings")).AssertProblemAsync(404)).GetProperty("detail").GetString());
        Assert.Contains($"Phase '{process}/negotiation' does not exist", (await (await Client.GetAsync($"/processes/{process}/meetings?phase=negotiation")).AssertProblemAsync(404)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_process_without_meetings_lists_none()
    {
        var process = await _secretariat.LaunchProcessAsync();

        var page = await ListAsync(process);

        Assert.Empty(page.Items);
        Assert.Equal((0L, 0L), (page.TotalItems, page.TotalPages));
    }

    [Fact]
    public async Task The_reusable_query_gives_a_process_its_meetings_by_date()
    {
        var process = await CalendarAsync();
        await using var session = api.Store.QuerySession();

        var meetings = await new MeetingsOfProcess(session).ByDateAsync(process, CancellationToken.None);

        Assert.Equal(["thematic-1", "thematic-2", "hearing", "informal", "stocktaking-2017"], meetings.Select(m => m.Meeting));
        Assert.Equal(MeetingStatus.Cancelled, meetings[3].Status);
    }
}
