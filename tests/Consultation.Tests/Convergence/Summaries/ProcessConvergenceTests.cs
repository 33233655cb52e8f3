using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Summaries;
using Consultation.Tests.Support;

namespace Consultation.Tests.Convergence.Summaries;

public sealed class ProcessConvergenceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_dashboard_ranks_issues_flags_areas_lists_movers_and_counts()
    {
        var story = await new ConvergenceStory(api.CreateClient()).BuildAsync();
        var now = await story.Steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{story.Process}/convergence?axis=recorded");

        Assert.Equal(["gamma", "alpha", "beta"], now.Issues.Select(i => i.Issue));
        Assert.Equal([1, 2, 3], now.Issues.Select(i => i.Rank));
        Assert.Equal(
            [ConvergenceLevel.BroadConvergence, ConvergenceLevel.Emerging, ConvergenceLevel.InsufficientData],
            now.Issues.Select(i => i.Level));

        var split = now.Areas.Single(a => a.Area == ConvergenceStory.Split);
        Assert.Equal((AreaStatus.Affirmed, ConvergenceLevel.InsufficientData, "beta", true), (split.Status, split.EvidenceLevel, split.DecidedBy, split.Claim.Disagrees));
        var united = now.Areas.Single(a => a.Area == ConvergenceStory.United);
        Assert.Equal((AreaStatus.Affirmed, ConvergenceLevel.Emerging, false), (united.Status, united.EvidenceLevel, united.Claim.Disagrees));

        // The last meeting (second round) moved alpha and beta down; gamma moved up after it.
        Assert.Equal("first-round", now.MoversAtLastMeeting.FromMeeting!.Meeting);
        Assert.Equal("second-round", now.MoversAtLastMeeting.ToMeeting!.Meeting);
        Assert.Equal(story.Closes[2], now.MoversAtLastMeeting.To);
        Assert.Equal(
            [("alpha", ConvergenceLevel.BroadConvergence, ConvergenceLevel.Emerging, "down"), ("beta", ConvergenceLevel.Emerging, ConvergenceLevel.InsufficientData, "down")],
            now.MoversAtLastMeeting.Issues.Select(m => (m.Issue, m.From, m.To, m.Direction)));
        Assert.Equal("second-round", now.MoversSinceLastMeeting.FromMeeting!.Meeting);
        Assert.Null(now.MoversSinceLastMeeting.ToMeeting);
        Assert.Equal(
            [("gamma", ConvergenceLevel.InsufficientData, ConvergenceLevel.BroadConvergence, "up")],
            now.MoversSinceLastMeeting.Issues.Select(m => (m.Issue, m.From, m.To, m.Direction)));

        Assert.Equal(new ProcessConvergence.Totals(3, new LevelCounts(1, 0, 1, 1, 0), 15, 6), now.Totals);
        Assert.Equal(now.Freshness.HighestSequence, now.Freshness.ReflectsSequence);
    }

    [Fact]
    public async Task As_of_a_close_the_dashboard_answers_as_the_record_stood_then()
    {
        var story = await new ConvergenceStory(api.CreateClient()).BuildAsync();
        var second = await story.Steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{story.Process}/convergence{ConvergenceStory.AsOf(story.Closes[1])}&axis=recorded");
        Assert.Equal(["alpha", "beta", "gamma"], second.Issues.Select(i => i.Issue));
        Assert.Equal(
            [("beta", ConvergenceLevel.Divergent, ConvergenceLevel.Emerging, "up")],
            second.MoversAtLastMeeting.Issues.Select(m => (m.Issue, m.From, m.To, m.Direction)));
        Assert.Empty(second.MoversSinceLastMeeting.Issues);
        Assert.All(second.Areas, a => Assert.False(a.Claim.Disagrees));
        Assert.Equal(new ProcessConvergence.Totals(3, new LevelCounts(1, 0, 1, 1, 0), 11, 5), second.Totals);
        Assert.True(second.Freshness.ReflectsSequence < second.Freshness.HighestSequence);

        var first = await story.Steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{story.Process}/convergence{ConvergenceStory.AsOf(story.Closes[0])}&axis=recorded");
        Assert.Null(first.MoversAtLastMeeting.FromMeeting);
        Assert.Empty(first.MoversAtLastMeeting.Issues);
        Assert.All(first.Areas, a => Assert.Equal(AreaStatus.Identified, a.Status));
        Assert.Equal(ConvergenceLevel.Divergent, first.Areas.Single(a => a.Area == ConvergenceStory.Split).EvidenceLevel);
    }

    [Fact]
    public async Task Bad_as_of_is_400_and_an_unknown_process_404()
    {
        var client = api.CreateClient();
        var process = await new PositionSteps(client).OpenAsync("alpha");
        var bad = await (await client.GetAsync($"/processes/{process}/convergence?asOf=2017-99-01")).AssertProblemAsync(400);
        Assert.NotEmpty(bad.ErrorsFor("asOf"));
        await (await client.GetAsync("/processes/no-such-process/convergence")).AssertProblemAsync(404);
    }
}
