namespace Consultation.Tests.Reliability.Hostile;

/// <summary>Dates outside the record's span (1900-01-01 to 2100-12-31) are refused naming the field, in bodies and query strings.</summary>
public sealed class AbsurdDateTests(ReliabilityApiFactory api) : IClassFixture<ReliabilityApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2101-01-01")]
    public async Task A_meeting_dated_outside_the_span_is_refused_naming_the_date_and_nothing_is_written(string date)
    {
        var before = await api.CountEventsAsync();
        var body = $"{{\"meeting\":\"absurd\",\"kind\":\"Stocktaking\",\"title\":\"Absurd\",\"startsOn\":\"{date}\",\"endsOn\":\"{date}\"}}";

        var problem = await (await _client.PostRawAsync("/processes/gcm/meetings", body)).AssertProblemAsync(400);

        Assert.Contains("from 1900-01-01 to 2100-12-31", Assert.Single(problem.ErrorsFor("startsOn")), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_query_date_outside_the_span_is_refused_naming_it()
    {
        var problem = await (await _client.GetAsync("/stakeholders?group=african-group&on=9999-01-01")).AssertProblemAsync(400);

        Assert.Contains("2100-12-31", Assert.Single(problem.ErrorsFor("on")), StringComparison.Ordinal);
    }
}
