using Consultation.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Seeding;

/// <summary>A fresh start with seeds shows the stocktaking meeting, its findings and its five areas; loading again appends nothing.</summary>
public sealed class LoadingSeedsTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    [Fact]
    public async Task A_fresh_start_shows_the_stocktaking_meeting_its_findings_and_the_five_areas()
    {
        var http = api.CreateClient();
        var process = await GetJsonAsync(http, "/processes/gcm");
        Assert.Equal("A/RES/71/1", process.GetProperty("mandateReference").GetString());
        Assert.Contains(process.GetProperty("issues").EnumerateArray(), i => i.GetProperty("key").GetString() == "migration-data");

        var meeting = await GetJsonAsync(http, "/processes/gcm/meetings/stocktaking-2017");
        Assert.Equal("Puerto Vallarta", meeting.GetProperty("venue").GetProperty("city").GetString());
        Assert.Equal("Closed", meeting.GetProperty("status").GetString());
        var findings = meeting.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("kind").GetString() == "Figure" && f.GetProperty("value").GetDecimal() == 39m);
        Assert.Equal(3, findings.Count(f => f.GetProperty("kind").GetString() == "Practice" && f.GetProperty("presentedBy").GetString() == "pga-office"));
        Assert.Contains(findings, f => f.GetProperty("whose").GetString() == "Police officers, heard over the past months");
        Assert.Single(meeting.GetProperty("statements").EnumerateArray());
        Assert.Equal(4, meeting.GetProperty("recommendations").GetArrayLength());

        var areas = await GetJsonAsync(http, "/processes/gcm/areas");
        var items = areas.ValueKind == JsonValueKind.Array ? areas : areas.GetProperty("items");
        Assert.Equal(5, items.GetArrayLength());
    }

    /// <summary>
    /// The statement names only its speaker as present; credits the States' practices and the actors heard to the months of
    /// consultation; announces negotiations for 2018; acknowledges disagreement without tying it to an area; and links each
    /// area only to the issue it states.
    /// </summary>
    [Fact]
    public async Task The_seeded_record_says_what_the_statement_says_and_no_more()
    {
        var http = api.CreateClient();
        var meeting = await GetJsonAsync(http, "/processes/gcm/meetings/stocktaking-2017");
        var speaker = Assert.Single(meeting.GetProperty("participants").EnumerateArray());
        Assert.Equal("pga-office", speaker.GetProperty("stakeholder").GetString());
        Assert.Equal("H.E. Mr. Miroslav Lajčák", speaker.GetProperty("delegationHead").GetString());

        Assert.Equal("MEX", meeting.GetProperty("host").GetString());
        var facts = meeting.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == "Fact").Select(f => f.GetProperty("summary").GetString()).ToList();
        Assert.Equal(["More and more women migrate", "More people move among countries in the Global South than to destinations in the Global North"], facts);
        Assert.DoesNotContain(meeting.GetProperty("findings").EnumerateArray(), f => f.GetProperty("whose").GetString()?.Contains("stating it as known", StringComparison.Ordinal) == true);

        var page = await http.GetStringAsync("/ui/processes/gcm/meetings/stocktaking-2017");
        Assert.Contains("hosted by <a data-field=\"host\" href=\"/ui/processes/gcm/stakeholders/MEX\">MEX</a>", page, StringComparison.Ordinal);
        Assert.Contains("stated as known", page, StringComparison.Ordinal);
        var speakerPage = await http.GetStringAsync("/ui/processes/gcm/stakeholders/pga-office");
        Assert.Contains("<a href=\"/ui/processes/gcm/meetings/stocktaking-2017\">", speakerPage, StringComparison.Ordinal);

        var process = await GetJsonAsync(http, "/processes/gcm");
        var leadership = Assert.Single(process.GetProperty("leadership").EnumerateArray());
        Assert.Equal(("Co-facilitators", 0), (leadership.GetProperty("role").GetString(), leadership.GetProperty("names").GetArrayLength()));
        Assert.Empty(process.GetProperty("coFacilitators").EnumerateArray());
        var planned = Assert.Single(process.GetProperty("plannedPhases").EnumerateArray());
        Assert.Equal(("negotiation", 2018), (planned.GetProperty("key").GetString(), planned.GetProperty("expectedYear").GetInt32()));
        var divergence = Assert.Single(process.GetProperty("divergences").EnumerateArray());
        Assert.Empty(divergence.GetProperty("issues").EnumerateArray());
        Assert.DoesNotContain(process.GetProperty("issues").EnumerateArray(), i => i.GetProperty("key").GetString() is "human-rights" or "cooperation-and-governance");

        foreach (var (area, issue) in new[] { ("rejecting-business-as-usual", "current-response"), ("global-phenomenon", "international-response"), ("people-rights-and-dignity", "rights-and-dignity") })
        {
            var details = await GetJsonAsync(http, $"/processes/gcm/areas/{area}");
            Assert.Empty(details.GetProperty("divergences").EnumerateArray());
            Assert.Equal([issue], details.GetProperty("issues").EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetProperty("key").GetString()!));
        }
    }

    [Fact]
    public async Task Loading_again_appends_nothing_and_events_carry_the_seeding_user()
    {
        _ = api.Server;
        var before = await api.CountEventsAsync();
        var report = await api.Services.GetRequiredService<SeedLoader>().LoadAsync(SeededApiFactory.SeedsDirectory, CancellationToken.None);
        Assert.Equal(0, report.TotalAdded);
        Assert.True(report.TotalPresent > 30);
        Assert.Equal(before, await api.CountEventsAsync());

        await using var session = api.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("gcm/stocktaking-2017");
        Assert.All(events, e => Assert.Equal(SeedLoader.SeedUser, e.UserName));
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<JsonElement>();
    }
}
