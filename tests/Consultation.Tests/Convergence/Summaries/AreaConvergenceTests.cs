using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Summaries;
using Consultation.Tests.Support;

namespace Consultation.Tests.Convergence.Summaries;

public sealed class AreaConvergenceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<AreaConvergence.Answer> AreaAsync(ConvergenceStory story, string area, DateTimeOffset? asOf = null) =>
        await story.Steps.GetOkAsync<AreaConvergence.Answer>($"/processes/{story.Process}/areas/{area}/convergence{ConvergenceStory.AsOf(asOf)}");

    [Fact]
    public async Task The_weakest_linked_issue_decides_and_an_affirmed_area_over_an_unsupported_issue_is_flagged_as_of_each_close()
    {
        var story = await new ConvergenceStory(api.CreateClient()).BuildAsync();

        var first = await AreaAsync(story, ConvergenceStory.Split, story.Closes[0]);
        Assert.Equal(AreaStatus.Identified, first.Status);
        Assert.Equal(["alpha", "beta"], first.Evidence.Issues.Select(i => i.Issue));
        Assert.Equal([ConvergenceLevel.BroadConvergence, ConvergenceLevel.Divergent], first.Evidence.Issues.Select(i => i.Level));
        Assert.Equal(ConvergenceLevel.Divergent, first.Evidence.Level);
        Assert.Equal("beta", first.Evidence.DecidedBy);
        Assert.False(first.Evidence.Claim.Disagrees);
        Assert.Equal(6, first.Evidence.SupportingCount); // alpha: all 5; beta: MEX
        Assert.Equal(["DEU", "ECU", "THA"], first.Evidence.Contradicting.Select(p => p.Stakeholder)); // beta −1, −2, −2

        var second = await AreaAsync(story, ConvergenceStory.Split, story.Closes[1]);
        Assert.Equal(AreaStatus.Affirmed, second.Status);
        Assert.Equal(ConvergenceLevel.Emerging, second.Evidence.Level);
        Assert.False(second.Evidence.Claim.Disagrees);

        var third = await AreaAsync(story, ConvergenceStory.Split, story.Closes[2]);
        Assert.Equal(ConvergenceLevel.InsufficientData, third.Evidence.Level);
        Assert.Equal("beta", third.Evidence.DecidedBy);
        Assert.True(third.Evidence.Claim.Disagrees);
        Assert.Contains("beta is InsufficientData", third.Evidence.Claim.Reason, StringComparison.Ordinal);

        var united = await AreaAsync(story, ConvergenceStory.United);
        Assert.Equal(AreaStatus.Affirmed, united.Status);
        Assert.Equal(ConvergenceLevel.Emerging, united.Evidence.Level);
        Assert.False(united.Evidence.Claim.Disagrees);
        Assert.Equal(["THA"], united.Evidence.Contradicting.Select(p => p.Stakeholder));
        Assert.Null(united.AsOf);
        Assert.Equal(united.Freshness.HighestSequence, united.Freshness.ReflectsSequence);
        Assert.True(third.Freshness.ReflectsSequence < united.Freshness.ReflectsSequence);
    }

    [Fact]
    public async Task Bad_as_of_is_400_and_unknown_process_or_area_or_an_area_not_yet_identified_is_404()
    {
        var story = new ConvergenceStory(api.CreateClient());
        var process = await story.Steps.OpenAsync("alpha");
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        var response = await story.Steps.Client.PostJsonAsync($"/processes/{process}/areas", new
        {
            area = "united", title = "United", description = "Agreed.", issues = new[] { "alpha" }, meeting = "stocktaking-2017", identifiedOn = new DateOnly(2017, 12, 5),
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);

        var bad = await (await story.Steps.Client.GetAsync($"/processes/{process}/areas/united/convergence?asOf=yesterday")).AssertProblemAsync(400);
        Assert.NotEmpty(bad.ErrorsFor("asOf"));
        await (await story.Steps.Client.GetAsync($"/processes/{process}/areas/nowhere/convergence")).AssertProblemAsync(404);
        await (await story.Steps.Client.GetAsync($"/processes/no-such-process/areas/united/convergence")).AssertProblemAsync(404);
        await (await story.Steps.Client.GetAsync($"/processes/{process}/areas/united/convergence{ConvergenceStory.AsOf(before)}")).AssertProblemAsync(404);

        var now = await story.Steps.GetOkAsync<AreaConvergence.Answer>($"/processes/{process}/areas/united/convergence");
        Assert.Equal(ConvergenceLevel.InsufficientData, now.Evidence.Level);
        Assert.False(now.Evidence.Claim.Disagrees);
    }
}
