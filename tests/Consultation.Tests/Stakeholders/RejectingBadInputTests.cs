namespace Consultation.Tests.Stakeholders;

/// <summary>Bad input always gets a 4xx problem-details answer that says what is wrong, and writes nothing.</summary>
public sealed class RejectingBadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    public static TheoryData<string, string, string> InvalidRegistrations => new()
    {
        { "missing name", """{"key":"MEX","kind":"MemberState","regionalGroup":"African"}""", "name" },
        { "missing kind", """{"key":"MEX","name":"Mexico"}""", "kind" },
        { "missing key", """{"kind":"CivilSociety","name":"Migrant rights network"}""", "key" },
        { "unknown kind", """{"key":"MEX","kind":"Country","name":"Mexico"}""", "kind" },
        { "numeric kind", """{"key":"MEX","kind":"0","name":"Mexico","regionalGroup":"African"}""", "kind" },
        { "over-long name", $$"""{"key":"MEX","kind":"MemberState","name":"{{new string('x', 201)}}","regionalGroup":"African"}""", "name" },
        { "control characters in name", """{"key":"MEX","kind":"MemberState","name":"Mex\u0007ico","regionalGroup":"African"}""", "name" },
        { "lowercase state key", """{"key":"mex","kind":"MemberState","name":"Mexico","regionalGroup":"African"}""", "key" },
        { "state key too long", """{"key":"MEXI","kind":"MemberState","name":"Mexico","regionalGroup":"African"}""", "key" },
        { "member state without regional group", """{"key":"MEX","kind":"MemberState","name":"Mexico"}""", "regionalGroup" },
        { "unknown regional group", """{"key":"MEX","kind":"MemberState","name":"Mexico","regionalGroup":"Oceania"}""", "regionalGroup" },
        { "iso code differs from key", """{"key":"MEX","kind":"MemberState","name":"Mexico","isoCode":"USA","regionalGroup":"African"}""", "isoCode" },
        { "slug with capitals", """{"key":"African-Group","kind":"GroupOrBloc","name":"African Group"}""", "key" },
        { "slug with slash", """{"key":"a/b","kind":"Academia","name":"A university"}""", "key" },
        { "slug too long", $$"""{"key":"{{new string('a', 65)}}","kind":"Academia","name":"A university"}""", "key" },
        { "regional group on a non-state", """{"key":"iom","kind":"IntergovernmentalOrganization","name":"IOM","regionalGroup":"African"}""", "regionalGroup" },
        { "iso code on a non-state", """{"key":"iom","kind":"IntergovernmentalOrganization","name":"IOM","isoCode":"IOM"}""", "isoCode" },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task Invalid_registrations_get_400_naming_the_field_and_write_nothing(string _, string body, string field)
    {
        var before = await api.CountEventsAsync();

        var problem = await (await _client.PostRawAsync("/stakeholders", body)).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Theory]
    [InlineData("""{"key":"MEX",""")]
    [InlineData("""not json at all""")]
    [InlineData("""{"key":42,"kind":"MemberState","name":"Mexico"}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("")]
    public async Task Malformed_json_gets_400_and_writes_nothing(string body)
    {
        var before = await api.CountEventsAsync();

        var problem = await (await _client.PostRawAsync("/stakeholders", body)).AssertProblemAsync(400);

        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415_and_writes_nothing()
    {
        var before = await api.CountEventsAsync();

        var problem = await (await _client.PostRawAsync("/stakeholders", "key=MEX&name=Mexico", "application/x-www-form-urlencoded"))
            .AssertProblemAsync(415);

        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task An_oversized_body_is_refused_and_writes_nothing()
    {
        var before = await api.CountEventsAsync();
        var huge = $$"""{"key":"MEX","kind":"MemberState","name":"{{new string('x', 2 * 1024 * 1024)}}","regionalGroup":"African"}""";

        var response = await _client.PostRawAsync("/stakeholders", huge);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task Problem_details_carry_the_correlation_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/stakeholders")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Correlation-Id", "bad-input-check");

        var problem = await (await _client.SendAsync(request)).AssertProblemAsync(400);

        Assert.Equal("bad-input-check", problem.GetProperty("correlationId").GetString());
    }
}
