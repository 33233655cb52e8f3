namespace Consultation.Tests.Platform;

/// <summary>
/// What an importer meets at the door: a date field takes a date or a date-time with its offset (the date at that offset),
/// and every body the serializer refuses answers 400 naming the field, the form it takes and (an excerpt of) what came,
/// or the unknown property and the ones the request accepts; nothing is written.
/// </summary>
public sealed class BodyErrorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task A_date_field_takes_a_date_time_with_offset_as_the_date_at_that_offset()
    {
        // 23:30 in New York is already 2 March in UTC, 02:00 in Tokyo still 31 December in UTC: the date recorded is the one at the offset.
        var launched = await _client.PostRawAsync("/processes",
            "{\"key\":\"dated-by-offset\",\"title\":\"Dated by offset\",\"mandateReference\":\"A/RES/1\","
            + "\"startsOn\":\"2026-03-01T23:30:00-05:00\",\"plannedEndOn\":\"2027-01-01T02:00:00+09:00\"}");
        Assert.Equal(HttpStatusCode.Created, launched.StatusCode);

        var process = await (await _client.GetAsync("/processes/dated-by-offset")).ReadAsync<JsonElement>();
        Assert.Equal("2026-03-01", process.GetProperty("startsOn").GetString());
        Assert.Equal("2027-01-01", process.GetProperty("plannedEndOn").GetString());

        var utc = await _client.PostRawAsync("/processes",
            "{\"key\":\"dated-in-utc\",\"title\":\"Dated in UTC\",\"mandateReference\":\"A/RES/1\",\"startsOn\":\"2026-03-01T14:30:00.125Z\"}");
        Assert.Equal(HttpStatusCode.Created, utc.StatusCode);
        Assert.Equal("2026-03-01", (await (await _client.GetAsync("/processes/dated-in-utc")).ReadAsync<JsonElement>()).GetProperty("startsOn").GetString());
    }

    [Theory]
    [InlineData("\"2026-03-01T14:30:00\"", "got '2026-03-01T14:30:00'", "needs its offset")]
    [InlineData("\"1 March 2026\"", "got '1 March 2026'", null)]
    [InlineData("20260301", "got 20260301", null)]
    [InlineData("\"2026-02-30\"", "got '2026-02-30'", null)]
    public async Task A_date_field_given_anything_else_says_the_forms_it_takes_and_what_came(string value, string got, string? hint)
    {
        var before = await api.CountEventsAsync();

        var problem = await (await _client.PostRawAsync("/processes",
            $"{{\"key\":\"badly-dated\",\"title\":\"Badly dated\",\"mandateReference\":\"A/RES/1\",\"startsOn\":{value}}}")).AssertProblemAsync(400);

        var error = Assert.Single(problem.ErrorsFor("startsOn"));
        Assert.StartsWith("$.startsOn: expected a date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDThh:mm:ss±hh:mm)", error, StringComparison.Ordinal);
        Assert.EndsWith(got, error, StringComparison.Ordinal);
        if (hint is not null)
        {
            Assert.Contains(hint, error, StringComparison.Ordinal);
        }

        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_number_or_a_name_of_the_wrong_json_type_says_what_the_field_takes()
    {
        var kind = await (await _client.PostRawAsync("/stakeholders", "{\"key\":\"WRT\",\"kind\":3,\"name\":\"Wrong type\"}")).AssertProblemAsync(400);
        var kindError = Assert.Single(kind.ErrorsFor("kind"));
        Assert.StartsWith("$.kind: expected one of: MemberState, ", kindError, StringComparison.Ordinal);
        Assert.EndsWith("; got 3", kindError, StringComparison.Ordinal);

        var name = await (await _client.PostRawAsync("/stakeholders", "{\"key\":\"WRT\",\"kind\":\"CivilSociety\",\"name\":{\"en\":\"x\"}}")).AssertProblemAsync(400);
        Assert.Equal("$.name: expected a string (text in double quotes); got an object", Assert.Single(name.ErrorsFor("name")));

        var year = await (await _client.PostRawAsync("/processes/any/phases/planned", "{\"phase\":\"p\",\"title\":\"P\",\"expectedYear\":true}")).AssertProblemAsync(400);
        Assert.Equal("$.expectedYear: expected a whole number", Assert.Single(year.ErrorsFor("expectedYear")));
    }

    [Fact]
    public async Task An_unknown_property_is_named_with_the_ones_the_request_accepts_and_nothing_is_written()
    {
        var before = await api.CountEventsAsync();

        var problem = await (await _client.PostRawAsync("/stakeholders",
            "{\"key\":\"UNK\",\"kind\":\"CivilSociety\",\"name\":\"Unknown\",\"foo\":1}")).AssertProblemAsync(400);

        Assert.Equal("unknown property 'foo' (at $.foo); this request accepts: key, kind, name, isoCode, regionalGroup", Assert.Single(problem.ErrorsFor("foo")));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task An_unknown_nested_property_names_the_object_that_does_not_take_it()
    {
        var problem = await (await _client.PostRawAsync("/processes/any/meetings",
            "{\"meeting\":\"m\",\"title\":\"M\",\"venue\":{\"city\":\"Geneva\",\"planet\":\"Earth\"}}")).AssertProblemAsync(400);

        Assert.Equal("unknown property 'planet' (at $.venue.planet); $.venue accepts: city, country", Assert.Single(problem.ErrorsFor("venue.planet")));
    }

    [Fact]
    public async Task A_refusal_quotes_only_a_short_harmless_excerpt_of_what_came()
    {
        var longName = "x\\u0007" + new string('y', 10_000); // BEL, escaped in the JSON text: 10,002 characters once read
        var unknown = await (await _client.PostRawAsync("/stakeholders",
            $"{{\"key\":\"EXC\",\"kind\":\"CivilSociety\",\"name\":\"Excerpt\",\"{longName}\":1}}")).AssertProblemAsync(400);
        var detail = unknown.GetProperty("detail").GetString()!;
        Assert.True(detail.Length < 600, detail);
        Assert.DoesNotContain('\u0007', detail);
        Assert.Contains("(10002 characters)", detail, StringComparison.Ordinal);

        var longDate = await (await _client.PostRawAsync("/processes",
            $"{{\"key\":\"long-date\",\"title\":\"T\",\"mandateReference\":\"R\",\"startsOn\":\"{new string('9', 5000)}\"}}")).AssertProblemAsync(400);
        Assert.True(longDate.GetProperty("detail").GetString()!.Length < 300, longDate.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_says_where_reading_stopped_without_quoting_it()
    {
        var problem = await (await _client.PostRawAsync("/stakeholders", "{\"key\":\"MAL\",\"kind\":\"CivilSociety\",}")).AssertProblemAsync(400);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("The body is not well-formed JSON (line 1, position", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("MAL", detail, StringComparison.Ordinal);
    }
}
