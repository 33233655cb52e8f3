using System.Net;
using System.Text.Json;
using Consultation.Infrastructure.Seeding;
using Consultation.Tests.Support;
using Marten;
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
        Assert.Equal(["ECU", "SLE", "THA", "ZAF"], findings.Where(f => f.GetProperty("kind").GetString() == "Practice").Select(f => f.GetProperty("presentedBy").GetString()!).Order());
        Assert.Contains(findings, f => f.GetProperty("whose").GetString() == "Police officers");
        Assert.Single(meeting.GetProperty("statements").EnumerateArray());
        Assert.Equal(4, meeting.GetProperty("recommendations").GetArrayLength());

        var areas = await GetJsonAsync(http, "/processes/gcm/areas");
        var items = areas.ValueKind == JsonValueKind.Array ? areas : areas.GetProperty("items");
        Assert.Equal(5, items.GetArrayLength());
        var first = await GetJsonAsync(http, "/processes/gcm/areas/rejecting-business-as-usual");
        Assert.Single(first.GetProperty("divergences").EnumerateArray());
    }

    [Fact]
    public async Task Loading_again_appends_nothing_and_events_carry_the_seeding_user()
    {
        _ = api.Server;
        var before = await api.CountEventsAsync();
        var report = await api.Services.GetRequiredService<SeedLoader>().LoadAsync(SeededApiFactory.SeedsDirectory, CancellationToken.None);
        Assert.Equal(0, report.TotalAdded);
        Assert.True(report.TotalPresent > 60);
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
