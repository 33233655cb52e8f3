namespace Consultation.Tests.Reliability.Hostile;

/// <summary>
/// Numbers and charsets that used to reach code unable to handle them (each answered 500): a page number whose rows to
/// skip overflow, a body in a charset nobody knows, a page number on a /ui page that is no number or does not fit one.
/// </summary>
public sealed class OverflowingParameterTests(ReliabilityApiFactory api) : IClassFixture<ReliabilityApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Theory]
    [InlineData("/processes")]
    [InlineData("/stakeholders")]
    [InlineData("/stakeholders/african-group/members")]
    [InlineData("/stakeholders/MEX/statements")]
    [InlineData("/stakeholders/MEX/meetings")]
    [InlineData("/processes/gcm/issues")]
    [InlineData("/processes/gcm/areas")]
    [InlineData("/processes/gcm/meetings")]
    [InlineData("/processes/gcm/issues/border-governance/positions")]
    [InlineData("/admin/projections/failures")]
    public async Task The_largest_page_number_is_refused_naming_the_limit(string list)
    {
        var problem = await (await _client.GetAsync($"{list}?page=2147483647")).AssertProblemAsync(400);

        Assert.Contains("1 to 100000", Assert.Single(problem.ErrorsFor("page")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=garbage")]
    [InlineData("application/json; charset=\"x-unknown\"")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_body_in_a_charset_other_than_utf8_is_refused_with_415_and_nothing_is_written(string contentType)
    {
        var before = await api.CountEventsAsync();

        var response = await _client.PostRawAsync("/stakeholders", "{\"key\":\"charset\",\"kind\":\"CivilSociety\",\"name\":\"Charset\"}", contentType);

        var problem = await response.AssertProblemAsync(415);
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_body_declared_utf8_is_accepted()
    {
        var response = await _client.PostRawAsync("/stakeholders", "{\"key\":\"charset-ok\",\"kind\":\"CivilSociety\",\"name\":\"Charset\"}", "application/json; charset=UTF-8");

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("0")]
    [InlineData("2147483647")]
    public async Task A_page_number_on_a_ui_page_that_is_not_one_is_refused_400(string page)
    {
        var response = await _client.GetAsync($"/ui/processes/gcm/issues/border-governance?page={page}");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
