using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Summaries;
using Consultation.Positions.Views;
using Consultation.Tests.Support;

namespace Consultation.Tests.Convergence.Summaries;

/// <summary>Every timeline point equals the answer for its meeting's close on the axis asked: stated by default, recorded on request.</summary>
public sealed class ConvergenceTimelinesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task On_the_recorded_axis_timeline_values_at_each_meeting_close_equal_the_as_of_answers_for_those_moments()
    {
        var story = await new ConvergenceStory(api.CreateClient()).BuildAsync();
        var steps = story.Steps;
        var p = story.Process;

        foreach (var issue in new[] { "alpha", "beta", "gamma" })
        {
            var timeline = await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.IssuePoint>>($"/processes/{p}/issues/{issue}/convergence/timeline?axis=recorded");
            Assert.Equal(ConvergenceStory.Meetings, timeline.Points.Select(x => x.Meeting));
            Assert.Equal(story.Closes, timeline.Points.Select(x => x.ClosedAt));
            foreach (var point in timeline.Points)
            {
                var asOf = (await steps.GetOkAsync<IssueConvergence.Answer>($"/processes/{p}/issues/{issue}/convergence{ConvergenceStory.AsOf(point.ClosedAt)}")).Measure;
                Assert.Equal((asOf.Level, asOf.Gicn, asOf.SupportShare, asOf.OppositionShare, asOf.Positions), (point.Level, point.Gicn, point.SupportShare, point.OppositionShare, point.Positions));
            }
        }

        var beta = await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.IssuePoint>>($"/processes/{p}/issues/beta/convergence/timeline?axis=recorded");
        Assert.Equal([ConvergenceLevel.Divergent, ConvergenceLevel.Emerging, ConvergenceLevel.InsufficientData], beta.Points.Select(x => x.Level));

        var area = await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.AreaPoint>>($"/processes/{p}/areas/{ConvergenceStory.Split}/convergence/timeline?axis=Recorded");
        Assert.Equal([AreaStatus.Identified, AreaStatus.Affirmed, AreaStatus.Affirmed], area.Points.Select(x => x.Status));
        Assert.Equal([false, false, true], area.Points.Select(x => x.Disagrees));
        foreach (var point in area.Points)
        {
            var asOf = await steps.GetOkAsync<AreaConvergence.Answer>($"/processes/{p}/areas/{ConvergenceStory.Split}/convergence{ConvergenceStory.AsOf(point.ClosedAt)}");
            Assert.Equal(
                (asOf.Status, asOf.Evidence.Level, asOf.Evidence.DecidedBy, asOf.Evidence.SupportingCount, asOf.Evidence.ContradictingCount, asOf.Evidence.Claim.Disagrees),
                (point.Status!.Value, point.Level!.Value, point.DecidedBy, point.SupportingCount, point.ContradictingCount, point.Disagrees));
            Assert.Equal(asOf.Evidence.Issues.Single(i => i.Issue == asOf.Evidence.DecidedBy).Gicn, point.Gicn);
            Assert.Equal(asOf.Evidence.Issues.Sum(i => i.Positions), point.Positions);
        }

        var process = await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.ProcessPoint>>($"/processes/{p}/convergence/timeline?axis=recorded");
        Assert.Equal(3, process.Points.Count);
        Assert.Equal(TimelineAxis.Recorded, process.Axis);
        foreach (var point in process.Points)
        {
            var asOf = await steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{p}/convergence{ConvergenceStory.AsOf(point.ClosedAt)}");
            Assert.Equal(asOf.Totals, new ProcessConvergence.Totals(point.Issues, point.IssuesByLevel, point.Positions, point.StakeholdersWithPositions));
        }

        Assert.Equal([new LevelCounts(1, 1, 0, 1, 0), new LevelCounts(1, 0, 1, 1, 0), new LevelCounts(2, 0, 1, 0, 0)], process.Points.Select(x => x.IssuesByLevel));

        var cut = await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.ProcessPoint>>($"/processes/{p}/convergence/timeline{ConvergenceStory.AsOf(story.Closes[1])}&axis=recorded");
        Assert.Equal(process.Points.Take(2), cut.Points);
    }

    [Fact]
    public async Task By_default_each_point_is_what_had_been_said_by_the_meeting_s_last_day_as_known_now_and_equals_the_stated_by_answer()
    {
        var story = await new ConvergenceStory(api.CreateClient()).BuildAsync();
        var steps = story.Steps;
        var p = story.Process;

        var alpha = await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.IssuePoint>>($"/processes/{p}/issues/alpha/convergence/timeline");
        Assert.Equal(TimelineAxis.Stated, alpha.Axis);
        Assert.Equal([new DateOnly(2017, 12, 6), new DateOnly(2018, 2, 22), new DateOnly(2018, 3, 22)], alpha.Points.Select(x => x.EndsOn));

        // THA's −2 was entered after the first close as a correction of what it said on 2017-12-04: on the stated axis the
        // stocktaking close shows it (Emerging); what the record said at that close (recorded) did not (BroadConvergence).
        Assert.Equal(ConvergenceLevel.Emerging, alpha.Points[0].Level);
        var recorded = await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.IssuePoint>>($"/processes/{p}/issues/alpha/convergence/timeline?axis=recorded");
        Assert.Equal(ConvergenceLevel.BroadConvergence, recorded.Points[0].Level);

        // gamma: five +2 entered after the last close, each stated on 2017-12-04: on the stated axis every close counts them.
        var gamma = await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.IssuePoint>>($"/processes/{p}/issues/gamma/convergence/timeline");
        Assert.All(gamma.Points, x => Assert.Equal((ConvergenceLevel.BroadConvergence, 6), (x.Level, x.Positions)));

        foreach (var issue in new[] { "alpha", "beta", "gamma" })
        {
            var timeline = await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.IssuePoint>>($"/processes/{p}/issues/{issue}/convergence/timeline");
            foreach (var point in timeline.Points)
            {
                var stated = (await steps.GetOkAsync<IssueConvergence.Answer>($"/processes/{p}/issues/{issue}/convergence?statedBy={point.EndsOn:yyyy-MM-dd}")).Measure;
                Assert.Equal((stated.Level, stated.Gicn, stated.Positions), (point.Level, point.Gicn, point.Positions));
            }
        }

        var area = await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.AreaPoint>>($"/processes/{p}/areas/{ConvergenceStory.Split}/convergence/timeline");
        Assert.Equal([AreaStatus.Identified, AreaStatus.Affirmed, AreaStatus.Affirmed], area.Points.Select(x => x.Status));
        foreach (var point in area.Points)
        {
            var stated = await steps.GetOkAsync<AreaConvergence.Answer>($"/processes/{p}/areas/{ConvergenceStory.Split}/convergence?statedBy={point.EndsOn:yyyy-MM-dd}");
            Assert.Equal(point.EndsOn, stated.StatedBy);
            Assert.Equal((stated.Status, stated.Evidence.Level, stated.Evidence.SupportingCount), (point.Status!.Value, point.Level!.Value, point.SupportingCount));
        }

        var process = await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.ProcessPoint>>($"/processes/{p}/convergence/timeline");
        foreach (var point in process.Points)
        {
            var stated = await steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{p}/convergence?statedBy={point.EndsOn:yyyy-MM-dd}");
            Assert.Equal(stated.Totals, new ProcessConvergence.Totals(point.Issues, point.IssuesByLevel, point.Positions, point.StakeholdersWithPositions));
        }

        var bad = await (await steps.Client.GetAsync($"/processes/{p}/convergence/timeline?axis=valid")).AssertProblemAsync(400);
        Assert.NotEmpty(bad.ErrorsFor("axis"));
    }

    [Fact]
    public async Task An_area_identified_after_a_close_has_an_empty_point_there()
    {
        var story = await new ConvergenceStory(api.CreateClient()).BuildAsync();
        var response = await story.Steps.Client.PostJsonAsync($"/processes/{story.Process}/areas", new
        {
            area = "late", title = "Late", description = "Agreed later.", issues = new[] { "gamma" }, meeting = "second-round", identifiedOn = new DateOnly(2018, 3, 21),
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var area = await story.Steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.AreaPoint>>($"/processes/{story.Process}/areas/late/convergence/timeline?axis=recorded");
        Assert.All(area.Points, x => Assert.Null(x.Status));
        Assert.All(area.Points, x => Assert.Null(x.Level));

        // Identified on 2018-03-21, at the second round: on the stated axis it stands at that meeting's close, not before.
        var stated = await story.Steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.AreaPoint>>($"/processes/{story.Process}/areas/late/convergence/timeline");
        Assert.Equal([null, null, AreaStatus.Identified], stated.Points.Select(x => x.Status));
    }

    [Fact]
    public async Task Bad_as_of_is_400_and_unknown_process_issue_or_area_404()
    {
        var client = api.CreateClient();
        var process = await new PositionSteps(client).OpenAsync("alpha");
        foreach (var url in new[] { $"/processes/{process}/convergence/timeline", $"/processes/{process}/issues/alpha/convergence/timeline", $"/processes/{process}/areas/some-area/convergence/timeline" })
        {
            var bad = await (await client.GetAsync($"{url}?asOf=soon")).AssertProblemAsync(400);
            Assert.NotEmpty(bad.ErrorsFor("asOf"));
        }

        await (await client.GetAsync("/processes/no-such-process/convergence/timeline")).AssertProblemAsync(404);
        await (await client.GetAsync($"/processes/{process}/issues/no-such-issue/convergence/timeline")).AssertProblemAsync(404);
        await (await client.GetAsync($"/processes/{process}/areas/no-such-area/convergence/timeline")).AssertProblemAsync(404);

        var empty = await (await client.GetAsync($"/processes/{process}/convergence/timeline")).ReadAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.ProcessPoint>>();
        Assert.Empty(empty.Points);
    }

    /// <summary>The closes read at one read are kept (a large process's meetings carry megabytes); a meeting closed since is in the next read.</summary>
    [Fact]
    public async Task A_meeting_closed_after_a_read_is_a_point_of_the_next_read()
    {
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync("alpha");
        await steps.Secretariat.ScheduleOkAsync(process, "first-round", new DateOnly(2018, 2, 20), new DateOnly(2018, 2, 22), "NegotiationRound");
        var url = $"/processes/{process}/convergence/timeline";
        Assert.Empty((await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.ProcessPoint>>(url)).Points);

        await steps.Secretariat.UpdateOkAsync(Secretariat.MeetingUrl(process, "stocktaking-2017"), "close", new { summary = "Concluded" });
        Assert.Equal(["stocktaking-2017"], (await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.ProcessPoint>>(url)).Points.Select(p => p.Meeting));

        await steps.Secretariat.UpdateOkAsync(Secretariat.MeetingUrl(process, "first-round"), "open", new { });
        await steps.Secretariat.UpdateOkAsync(Secretariat.MeetingUrl(process, "first-round"), "close", new { summary = "Concluded" });
        var dashboard = await steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{process}/convergence");
        Assert.Equal("first-round", dashboard.MoversAtLastMeeting.ToMeeting?.Meeting);
        Assert.Equal(
            ["stocktaking-2017", "first-round"], (await steps.GetOkAsync<ConvergenceTimelines.Timeline<ConvergenceTimelines.ProcessPoint>>(url)).Points.Select(p => p.Meeting));
    }
}
