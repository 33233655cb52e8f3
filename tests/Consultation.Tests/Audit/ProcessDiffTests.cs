using Consultation.Audit.Diffing;
using Consultation.Convergence.Measuring;
using Consultation.Tests.Convergence.Summaries;

namespace Consultation.Tests.Audit;

public sealed class ProcessDiffTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task The_diff_between_two_meeting_closes_lists_what_was_recorded_and_which_levels_moved()
    {
        var story = await new ConvergenceStory(_client).BuildAsync();
        var from = story.Closes[0];
        var to = story.Closes[1];

        var response = await _client.GetAsync($"/audit/diff?process={story.Process}&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var diff = await response.ReadAsync<DiffProcess.ProcessDiff>();
        var moved = Assert.Single(diff.LevelChanges);
        Assert.Equal("beta", moved.Issue);
        Assert.Equal(ConvergenceLevel.Divergent, moved.Before);
        Assert.Equal(ConvergenceLevel.Emerging, moved.After);
        Assert.Contains(diff.PositionChanges, c => c.StreamKey == $"{story.Process}/beta/ECU" && c.Type == "position_revised");
        Assert.Contains(diff.PositionChanges, c => c.StreamKey == $"{story.Process}/beta/THA" && c.Type == "position_revised");
        Assert.All(diff.PositionChanges, c => Assert.InRange(c.RecordedAt, from, to));
        Assert.Contains(diff.AreaChanges, c => c.Type == "area_affirmed");
        Assert.False(diff.Truncated);
    }

    [Theory]
    [InlineData("?process=gcm", "from")]
    [InlineData("?process=gcm&from=yesterday", "from")]
    [InlineData("?process=gcm&from=2017-12-06T00:00:00Z&to=2017-12-05T00:00:00Z", "to")]
    [InlineData("?process=Not%20A%20Slug&from=2017-12-06T00:00:00Z", "process")]
    public async Task Bad_moments_get_400_naming_the_parameter(string query, string field)
    {
        var problem = await (await _client.GetAsync("/audit/diff" + query)).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task An_unknown_process_is_not_found()
    {
        await (await _client.GetAsync("/audit/diff?process=nowhere&from=2017-12-06T00:00:00Z")).AssertProblemAsync(404);
    }
}
