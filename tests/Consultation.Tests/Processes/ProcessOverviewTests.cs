using Consultation.Processes.Reading;

namespace Consultation.Tests.Processes;

public sealed class ProcessOverviewTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    [Fact]
    public async Task The_overview_places_meetings_by_date_in_their_phases()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.StartPhaseAsync(process, "consultation", new DateOnly(2017, 4, 6));
        await _secretariat.EndPhaseAsync(process, "consultation", new DateOnly(2017, 11, 30));
        await _secretariat.StartPhaseAsync(process, "stocktaking", new DateOnly(2017, 12, 4));
        await _secretariat.TableIssueAsync(process, "human-rights");
        await _secretariat.TableIssueAsync(process, "smuggling");
        await _secretariat.RetireIssueAsync(process, "smuggling");
        await _secretariat.ScheduleOkAsync(process, "stocktaking-2017", new DateOnly(2017, 12, 4), new DateOnly(2017, 12, 6));
        await _secretariat.ScheduleOkAsync(process, "thematic-1", new DateOnly(2017, 5, 8), new DateOnly(2017, 5, 9), kind: "ThematicSession");
        await _secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");
        await _secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        foreach (var stakeholder in new[] { "MEX", "ECU" })
        {
            await _secretariat.UpdateOkAsync(Secretariat.MeetingUrl(process, "thematic-1"), "participants", new { stakeholder, role = "Speaker" });
            var stated = await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/human-rights/positions", new { stakeholder, stance = 1, summary = "Supports", meeting = "thematic-1", statedOn = "2017-05-08" });
            Assert.Equal(HttpStatusCode.Created, stated.StatusCode);
        }

        var response = await _secretariat.Client.GetAsync($"/processes/{process}/overview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = await response.ReadAsync<GetProcessOverview.ProcessOverview>();
        Assert.Equal(["thematic-1", "stocktaking-2017"], overview.Meetings.Select(m => m.Meeting.Meeting));
        Assert.Equal(["consultation", "stocktaking"], overview.Meetings.Select(m => m.Phase));
        Assert.Equal("stocktaking", overview.CurrentPhase?.Key);
        Assert.Equal(1, overview.OpenIssues);
        Assert.Equal(1, overview.RetiredIssues);
        Assert.Equal(2, overview.StandingPositionsByIssue["human-rights"]);
        Assert.Equal(0, overview.StandingPositionsByIssue["smuggling"]);
        Assert.Equal($"\"{overview.Process.Version}\"", response.Headers.ETag?.Tag);
        await (await _secretariat.Client.GetAsync("/processes/unknown/overview")).AssertProblemAsync(404);
    }
}
