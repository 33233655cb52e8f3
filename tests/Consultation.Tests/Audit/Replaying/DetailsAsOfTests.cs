using System.Text.Json.Nodes;
using Consultation.Tests.Convergence.Summaries;

namespace Consultation.Tests.Audit.Replaying;

/// <summary>
/// The detail reads — process, meeting, area, stakeholder, position — answer as the record stood at a recorded moment or
/// after a global sequence: what the stored document said then, with no ETag for a past state.
/// </summary>
public sealed class DetailsAsOfTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Every_detail_read_answers_as_of_its_first_event_and_as_of_now_equals_the_stored_document()
    {
        var story = await new ConvergenceStory(_client).BuildAsync();
        var reads = new[]
        {
            ($"/processes/{story.Process}", story.Process),
            ($"/processes/{story.Process}/meetings/{ConvergenceStory.Meetings[0]}", $"{story.Process}/{ConvergenceStory.Meetings[0]}"),
            ($"/processes/{story.Process}/areas/{ConvergenceStory.Split}", $"{story.Process}/area:{ConvergenceStory.Split}"),
            ("/stakeholders/MEX", "MEX"),
            ($"/processes/{story.Process}/issues/beta/positions/ECU", $"{story.Process}/beta/ECU"),
        };

        foreach (var (url, stream) in reads)
        {
            var events = (await GetJsonAsync($"/audit/streams/{stream}")).EnumerateArray().ToList();
            Assert.True(events.Count >= 2, $"{stream} needs at least two events for this test");
            var first = events[0];
            var firstAt = first.GetProperty("recordedAt").GetString()!;

            var then = await _client.GetAsync($"{url}?asOf={Uri.EscapeDataString(firstAt)}");
            Assert.Equal(HttpStatusCode.OK, then.StatusCode);
            Assert.Null(then.Headers.ETag);
            using var thenBody = JsonDocument.Parse(await then.Content.ReadAsStringAsync());
            Assert.Equal(1, thenBody.RootElement.GetProperty("version").GetInt64());

            var bySequence = await _client.GetStringAsync($"{url}?asOfSequence={first.GetProperty("sequence").GetInt64()}");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(thenBody.RootElement.GetRawText()), JsonNode.Parse(bySequence)), url);

            var now = await _client.GetAsync(url);
            Assert.NotNull(now.Headers.ETag);
            var replayedNow = await _client.GetStringAsync($"{url}?asOf=2100-01-01T00:00:00Z");
            Assert.True(
                JsonNode.DeepEquals(JsonNode.Parse(await now.Content.ReadAsStringAsync()), JsonNode.Parse(replayedNow)),
                $"{url}: replaying every event does not give the stored document");
            Assert.Equal(events.Count, JsonDocument.Parse(replayedNow).RootElement.GetProperty("version").GetInt64());
        }
    }

    [Fact]
    public async Task The_process_overview_as_of_its_launch_has_no_meetings_or_positions_yet_and_as_of_now_equals_the_overview()
    {
        var story = await new ConvergenceStory(_client).BuildAsync();
        var launchedAt = (await GetJsonAsync($"/audit/streams/{story.Process}"))[0].GetProperty("recordedAt").GetString()!;
        var url = $"/processes/{story.Process}/overview";

        var then = await GetJsonAsync($"{url}?asOf={Uri.EscapeDataString(launchedAt)}");
        var now = await GetJsonAsync(url);

        Assert.Empty(then.GetProperty("meetings").EnumerateArray());
        Assert.All(then.GetProperty("standingPositionsByIssue").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        Assert.Equal(ConvergenceStory.Meetings.Length, now.GetProperty("meetings").GetArrayLength());
        Assert.Contains(now.GetProperty("standingPositionsByIssue").EnumerateObject(), p => p.Value.GetInt32() > 0);
        var replayedNow = await _client.GetStringAsync($"{url}?asOf=2100-01-01T00:00:00Z");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(now.GetRawText()), JsonNode.Parse(replayedNow)), replayedNow);
    }

    [Fact]
    public async Task A_stakeholder_renamed_later_shows_its_old_name_as_of_before_the_rename()
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/stakeholders", new { key = "FIN", kind = "MemberState", name = "Finland", regionalGroup = "WesternEuropeanAndOthers" })).StatusCode);
        var registeredAt = (await GetJsonAsync("/audit/streams/FIN"))[0].GetProperty("recordedAt").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/stakeholders/FIN/rename", new { name = "Republic of Finland", reason = "Official name" }, "\"1\"")).StatusCode);

        var then = await GetJsonAsync($"/stakeholders/FIN?asOf={Uri.EscapeDataString(registeredAt)}");
        var now = await GetJsonAsync("/stakeholders/FIN");

        Assert.Equal("Finland", then.GetProperty("name").GetString());
        Assert.Equal("Republic of Finland", now.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Before_its_first_event_a_stream_did_not_exist_and_a_bad_moment_is_400()
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/stakeholders", new { key = "NOR", kind = "MemberState", name = "Norway", regionalGroup = "WesternEuropeanAndOthers" })).StatusCode);

        var before = await (await _client.GetAsync("/stakeholders/NOR?asOf=2001-01-01T00:00:00Z")).AssertProblemAsync(404);
        Assert.Contains("did not exist as of 2001-01-01", before.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var bad = await (await _client.GetAsync("/stakeholders/NOR?asOf=yesterday")).AssertProblemAsync(400);
        Assert.NotEmpty(bad.ErrorsFor("asOf"));
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync(url));
        return document.RootElement.Clone();
    }
}
