namespace Consultation.Tests.Seeding;

/// <summary>
/// The seeded record was entered long after the stocktaking meeting (at load time), as most of a real record is. Replayed
/// at the close of that meeting it shows what had been said by then — the five areas identified there — and names its
/// axis; what the record said at the moment of that close (recorded time) is one explicit switch away and still shows none.
/// </summary>
public sealed class SeededReplayTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Meeting = "stocktaking-2017";

    [Fact]
    public async Task The_area_timeline_shows_the_area_identified_at_the_stocktaking_close_on_the_stated_axis_and_not_on_the_recorded_one()
    {
        var http = api.CreateClient();

        var stated = await GetJsonAsync(http, "/processes/gcm/areas/state-sovereignty/convergence/timeline");
        Assert.Equal("Stated", stated.GetProperty("axis").GetString());
        var close = stated.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("meeting").GetString() == Meeting);
        Assert.Equal("2017-12-06", close.GetProperty("endsOn").GetString());
        Assert.Equal("Identified", close.GetProperty("status").GetString());

        var recorded = await GetJsonAsync(http, "/processes/gcm/areas/state-sovereignty/convergence/timeline?axis=recorded");
        Assert.Equal("Recorded", recorded.GetProperty("axis").GetString());
        var then = recorded.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("meeting").GetString() == Meeting);
        Assert.Equal(JsonValueKind.Null, then.GetProperty("status").ValueKind);
    }

    [Fact]
    public async Task Replayed_at_the_close_of_its_meeting_the_seeded_process_shows_its_five_areas_and_says_which_axis()
    {
        var http = api.CreateClient();

        var page = await GetTextAsync(http, $"/ui/processes/gcm?atClose={Meeting}");
        Assert.Contains("What had been said by the close of Stocktaking meeting of the preparatory process (its last day, 2017-12-06)", page, StringComparison.Ordinal);
        Assert.Contains("stated timeline", page, StringComparison.Ordinal);
        Assert.Equal(5, CountOf(page, "<tr data-area="));
        Assert.DoesNotContain("No area of convergence had been identified", page, StringComparison.Ordinal);
        Assert.Contains($"atClose={Meeting}&amp;timeline=recorded", page, StringComparison.Ordinal);

        var recorded = await GetTextAsync(http, $"/ui/processes/gcm?atClose={Meeting}&timeline=recorded");
        Assert.Contains("recorded time", recorded, StringComparison.Ordinal);
        Assert.Contains("No area of convergence had been identified by then", recorded, StringComparison.Ordinal);

        var process = await GetJsonAsync(http, "/processes/gcm/convergence?statedBy=2017-12-06");
        Assert.Equal(5, process.GetProperty("areas").GetArrayLength());
        Assert.Equal("2017-12-06", process.GetProperty("statedBy").GetString());
        Assert.Equal("Stated", process.GetProperty("moversAtLastMeeting").GetProperty("axis").GetString());
        Assert.Equal(0, (await GetJsonAsync(http, "/processes/gcm/convergence?statedBy=2017-12-05")).GetProperty("areas").GetArrayLength());
    }

    [Fact]
    public async Task The_areas_list_answers_as_of_a_moment_and_as_stated_by_a_day()
    {
        var http = api.CreateClient();
        var now = await GetJsonAsync(http, "/processes/gcm/areas");
        Assert.Equal(5, now.GetProperty("items").GetArrayLength());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (now.GetProperty("asOf").ValueKind, now.GetProperty("statedBy").ValueKind));
        var stated = await GetJsonAsync(http, "/processes/gcm/areas?statedBy=2017-12-06");
        Assert.Equal(5, stated.GetProperty("items").GetArrayLength());
        Assert.Equal("2017-12-06", stated.GetProperty("statedBy").GetString());
        Assert.Equal(0, (await GetJsonAsync(http, "/processes/gcm/areas?statedBy=2017-12-05")).GetProperty("totalItems").GetInt32());

        // The seeds were recorded when the service started: in 2020 the record held no area.
        var recorded = await GetJsonAsync(http, "/processes/gcm/areas?asOf=2020-01-01T00:00:00Z");
        Assert.Equal(0, recorded.GetProperty("totalItems").GetInt32());
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), recorded.GetProperty("asOf").GetDateTimeOffset());
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static async Task<string> GetTextAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return text;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<JsonElement>();
    }
}
