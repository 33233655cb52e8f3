using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Convergence.Summaries;
using Consultation.Tests.Convergence.Measuring;
using Consultation.Tests.Convergence.Summaries;

namespace Consultation.Tests.Audit.Replaying;

/// <summary>
/// Every read answers as of the moment asked or refuses the time parameter with a 400 naming it: never "now" under a
/// past label. (Before, minimal APIs dropped a parameter the handler did not bind, and these reads answered now.)
/// </summary>
public sealed class UnhonouredTimeParametersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Past = "2017-12-05T00:00:00Z";

    [Theory]
    [InlineData("/stakeholders", "asOf")]
    [InlineData("/stakeholders/MEX/profile", "asOf")]
    [InlineData("/stakeholders/statistics", "asOf")]
    [InlineData("/audit/events", "asOf")]
    [InlineData("/stakeholders", "statedBy")]
    [InlineData("/stakeholders/MEX/profile", "statedBy")]
    [InlineData("/stakeholders/statistics", "statedBy")]
    [InlineData("/stakeholders/MEX/meetings", "statedBy")]
    [InlineData("/audit/events", "statedBy")]
    [InlineData("/processes/gcm/convergence-settings", "statedBy")]
    [InlineData("/processes/gcm/issues/alpha", "asOf")]
    [InlineData("/stakeholders", "axis")]
    public async Task A_read_that_cannot_answer_a_time_parameter_refuses_it_naming_it(string path, string parameter)
    {
        var value = parameter == "statedBy" ? "2017-12-05" : parameter == "axis" ? "recorded" : Past;
        var problem = await (await api.CreateClient().GetAsync($"{path}?{parameter}={Uri.EscapeDataString(value)}")).AssertProblemAsync(400);
        Assert.NotEmpty(problem.ErrorsFor(parameter));
    }

    [Fact]
    public async Task Convergence_settings_answer_as_they_stood_at_a_past_moment()
    {
        var client = api.CreateClient();
        var process = await new PositionSteps(client).OpenAsync("alpha");
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        var body = new { minPositions = 3, minGroups = 2, consensusGicn = 0.8, broadConvergenceGicn = 0.65, emergingGicn = 0.5, broadConvergenceMaxOpposition = 0.05, reason = "Agreed" };
        Assert.Equal(HttpStatusCode.OK, (await ConvergenceThresholdsTests.PutAsync(client, process, body, "\"0\"")).StatusCode);

        var now = await (await client.GetAsync($"/processes/{process}/convergence-settings")).ReadAsync<ConvergenceSettings>();
        var then = await (await client.GetAsync($"/processes/{process}/convergence-settings?asOf={Uri.EscapeDataString(before.ToString("O"))}")).ReadAsync<ConvergenceSettings>();
        Assert.False(now.IsDefault);
        Assert.True(then.IsDefault);
    }

    [Fact]
    public async Task Process_convergence_answers_stated_by_a_day()
    {
        var story = await new ConvergenceStory(api.CreateClient()).BuildAsync();
        var before = await story.Steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{story.Process}/convergence?statedBy=2017-12-03");
        Assert.Equal(new DateOnly(2017, 12, 3), before.StatedBy);
        Assert.Equal(0, before.Totals.Positions);
        Assert.Empty(before.Areas);
        var now = await story.Steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{story.Process}/convergence");
        Assert.NotEqual(0, now.Totals.Positions);

        var both = await (await story.Steps.Client.GetAsync($"/processes/{story.Process}/convergence?statedBy=2017-12-06&axis=recorded")).AssertProblemAsync(400);
        Assert.NotEmpty(both.ErrorsFor("axis"));
    }

    [Fact]
    public async Task Pages_read_their_own_moment_and_are_not_refused()
    {
        var response = await api.CreateClient().GetAsync("/ui/processes/no-such-process?asOf=2017-12-05T00:00:00Z");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
