namespace Consultation.Tests.Reliability.Hostile;

/// <summary>
/// Text PostgreSQL cannot store (U+0000, unpaired surrogates) is refused at the door with a 400 naming the field or
/// parameter, wherever it comes: query string, route, JSON body (nested too); nothing is written, no export is recorded.
/// Before: the value reached PostgreSQL and the request answered 500 (an export answered 200, cut short and unrecorded).
/// </summary>
public sealed class UnstorableTextTests(ReliabilityApiFactory api) : IClassFixture<ReliabilityApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Theory]
    [InlineData("/stakeholders?search=a%00b", "search")]
    [InlineData("/audit/events?user=al%00ice", "user")]
    public async Task A_nul_in_a_query_or_route_value_is_refused_naming_it(string url, string field)
    {
        var problem = await (await _client.GetAsync(url)).AssertProblemAsync(400);

        Assert.Contains("U+0000", Assert.Single(problem.ErrorsFor(field)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_with_a_nul_in_a_filter_is_refused_and_nothing_is_recorded()
    {
        var before = await api.CountEventsAsync();

        var problem = await (await _client.GetAsync("/audit/export?format=csv&user=al%00ice")).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor("user"));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Theory]
    [InlineData("{\"key\":\"nul-name\",\"kind\":\"CivilSociety\",\"name\":\"Civil\\u0000Society\"}", "name")]
    [InlineData("{\"key\":\"nul\\u0000key\",\"kind\":\"CivilSociety\",\"name\":\"Civil Society\"}", "key")]
    public async Task A_nul_in_a_body_is_refused_naming_the_field_and_nothing_is_written(string body, string field)
    {
        var before = await api.CountEventsAsync();

        var problem = await (await _client.PostRawAsync("/stakeholders", body)).AssertProblemAsync(400);

        Assert.Contains("U+0000", Assert.Single(problem.ErrorsFor(field)), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_body_is_refused_as_invalid_json_at_its_path()
    {
        var problem = await (await _client.PostRawAsync("/stakeholders", "{\"key\":\"lone\",\"kind\":\"CivilSociety\",\"name\":\"Lone \\ud800 surrogate\"}"))
            .AssertProblemAsync(400);

        Assert.Contains("$.name", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_deep_in_a_batch_is_refused_naming_its_path()
    {
        var body = "{\"items\":[{\"issue\":\"i\",\"stakeholder\":\"MEX\",\"stance\":1,\"meeting\":\"m\",\"statement\":\"s\\u0000\"}]}";

        var problem = await (await _client.PostRawAsync("/processes/gcm/positions/batch", body)).AssertProblemAsync(400);

        Assert.Contains("U+0000", Assert.Single(problem.ErrorsFor("items[0].statement")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordinary_text_with_a_pair_of_surrogates_and_an_escaped_backslash_is_accepted()
    {
        var response = await _client.PostRawAsync("/stakeholders", "{\"key\":\"emoji-ok\",\"kind\":\"CivilSociety\",\"name\":\"Youth \\ud83c\\udf0d \\\\u0000 caucus\"}");

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
