using System.Globalization;
using System.Text.Json.Nodes;
using Consultation.Audit.Replaying;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Audit.Replaying;

public sealed class AsOfSequenceTests(StoryApi fixture) : IClassFixture<StoryApi>
{
    private HttpClient Client => fixture.Client;

    private string Process => fixture.Story.Process;

    private static string AsOf(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));

    private async Task<(JsonNode Body, HttpResponseMessage Response)> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return (JsonNode.Parse(body)!, response);
    }

    /// <summary>An answer without what describes the store now rather than the moment (its head, the daemon's progress).</summary>
    private static JsonNode WithoutHead(JsonNode body)
    {
        var copy = body.DeepClone();
        if (copy["freshness"] is JsonObject freshness)
        {
            freshness.Remove("highestSequence");
            freshness.Remove("asyncProjectionsBehind");
            freshness.Remove("laggingProjections");
        }

        return copy;
    }

    private static string Header(HttpResponseMessage response, string name) => string.Join(',', response.Headers.GetValues(name));

    [Fact]
    public async Task Issue_convergence_as_of_a_sequence_equals_the_answer_as_of_that_events_recorded_time()
    {
        var (sequence, recordedAt) = await fixture.CloseEventAsync("stocktaking-2017");

        var (bySequence, response) = await GetAsync($"/processes/{Process}/issues/beta/convergence?asOfSequence={sequence}");
        var (byTime, _) = await GetAsync($"/processes/{Process}/issues/beta/convergence?asOf={AsOf(recordedAt)}");

        Assert.True(JsonNode.DeepEquals(WithoutHead(byTime), WithoutHead(bySequence)), $"{byTime}\n{bySequence}");
        Assert.Equal("Divergent", bySequence["measure"]!["level"]!.GetValue<string>()); // as at close 1, not Insufficient data as now
        Assert.Equal(sequence, bySequence["freshness"]!["reflectsSequence"]!.GetValue<long>());
        Assert.Equal(recordedAt, bySequence["asOf"]!.GetValue<DateTimeOffset>());
        Assert.Equal(sequence.ToString(CultureInfo.InvariantCulture), Header(response, AsOfSequenceMiddleware.SequenceHeader));
        Assert.Equal(recordedAt, DateTimeOffset.Parse(Header(response, AsOfSequenceMiddleware.AsOfHeader), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Process_convergence_as_of_a_sequence_equals_the_answer_as_of_that_events_recorded_time()
    {
        var (sequence, recordedAt) = await fixture.CloseEventAsync("first-round");

        var (bySequence, _) = await GetAsync($"/processes/{Process}/convergence?asOfSequence={sequence}");
        var (byTime, _) = await GetAsync($"/processes/{Process}/convergence?asOf={AsOf(recordedAt)}");
        var (now, _) = await GetAsync($"/processes/{Process}/convergence");

        Assert.True(JsonNode.DeepEquals(WithoutHead(byTime), WithoutHead(bySequence)), $"{byTime}\n{bySequence}");
        Assert.False(JsonNode.DeepEquals(WithoutHead(now), WithoutHead(bySequence)));
        Assert.Equal(sequence, bySequence["freshness"]!["reflectsSequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_positions_view_as_of_a_sequence_leaves_out_positions_written_after_it()
    {
        var (sequence, recordedAt) = await fixture.CloseEventAsync("second-round");

        var (bySequence, _) = await GetAsync($"/processes/{Process}/issues/gamma/positions?asOfSequence={sequence}");
        var (byTime, _) = await GetAsync($"/processes/{Process}/issues/gamma/positions?asOf={AsOf(recordedAt)}");
        var (now, _) = await GetAsync($"/processes/{Process}/issues/gamma/positions");

        Assert.True(JsonNode.DeepEquals(byTime, bySequence), $"{byTime}\n{bySequence}");
        Assert.Equal(["MEX"], Stakeholders(bySequence)); // ECU, THA, SLE, ZAF and DEU stated after the third close
        Assert.Equal(6, Stakeholders(now).Length);
    }

    private static string[] Stakeholders(JsonNode matrix) =>
        [.. matrix["items"]!.AsArray().Select(i => i!["stakeholder"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Other_query_parameters_are_kept()
    {
        var (sequence, _) = await fixture.CloseEventAsync("stocktaking-2017");

        var (body, _) = await GetAsync($"/processes/{Process}/issues/alpha/positions?asOfSequence={sequence}&regionalGroup=LatinAmericanAndCaribbean");

        Assert.Equal(["ECU", "MEX"], Stakeholders(body));
    }

    [Fact]
    public async Task As_of_and_as_of_sequence_together_are_400()
    {
        var (sequence, recordedAt) = await fixture.CloseEventAsync("stocktaking-2017");

        var problem = await (await Client.GetAsync($"/processes/{Process}/convergence?asOfSequence={sequence}&asOf={AsOf(recordedAt)}")).AssertProblemAsync(400);

        Assert.Contains("not both", problem.ErrorsFor("asOfSequence").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("abc")]
    [InlineData("1.5")]
    public async Task A_sequence_that_is_not_a_positive_number_is_400(string value)
    {
        var problem = await (await Client.GetAsync($"/processes/{Process}/convergence?asOfSequence={value}")).AssertProblemAsync(400);

        Assert.Contains("1 or more", problem.ErrorsFor("asOfSequence").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sequence_beyond_the_last_event_is_404_naming_the_last()
    {
        var head = await fixture.Api.CountEventsAsync();

        var problem = await (await Client.GetAsync($"/processes/{Process}/issues/alpha/convergence?asOfSequence={head + 1000}")).AssertProblemAsync(404);

        Assert.Contains($"No event {head + 1000} has been recorded", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("highestSequence").GetInt64() >= head);
    }

    [Theory]
    [InlineData("/processes/{0}/issues")]
    [InlineData("/audit/events")]
    [InlineData("/stakeholders/MEX/profile")]
    public async Task An_endpoint_that_does_not_answer_as_of_refuses_a_sequence_instead_of_answering_now(string route)
    {
        var url = string.Format(CultureInfo.InvariantCulture, route, Process);

        var problem = await (await Client.GetAsync($"{url}?asOfSequence=1")).AssertProblemAsync(400);

        Assert.Contains("only as the record stands now", problem.ErrorsFor("asOfSequence").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public void Every_read_endpoint_taking_as_of_is_recognised()
    {
        var endpoints = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var answering = endpoints.Where(AsOfSupport.Answers).Select(e => e.RoutePattern.RawText!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(
            [
                "/processes/{key}",
                "/processes/{key}/areas",
                "/processes/{key}/areas/{area}",
                "/processes/{key}/meetings/{meeting}",
                "/processes/{key}/overview",
                "/processes/{key}/submissions/{submission}",
                "/processes/{process}/areas/{area}/convergence",
                "/processes/{process}/areas/{area}/convergence/timeline",
                "/processes/{process}/convergence",
                "/processes/{process}/convergence-settings",
                "/processes/{process}/convergence/timeline",
                "/processes/{process}/issues/{issue}/convergence",
                "/processes/{process}/issues/{issue}/convergence/timeline",
                "/processes/{process}/issues/{issue}/positions",
                "/processes/{process}/issues/{issue}/positions/{stakeholder}",
                "/processes/{process}/issues/{issue}/positions/{stakeholder}/effective",
                "/processes/{process}/opinion-groups",
                "/processes/{process}/shifts",
                "/processes/{process}/stakeholders/{stakeholder}/positions",
                "/stakeholders/{key}",
                "/stakeholders/{key}/meetings",
            ],
            answering);
    }

    [Fact]
    public async Task The_openapi_document_offers_as_of_sequence_where_as_of_is_answered_and_nowhere_else()
    {
        var paths = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!["paths"]!;

        static string[] Parameters(JsonNode path) =>
            [.. (path["get"]!["parameters"]?.AsArray() ?? []).Select(p => p!["name"]!.GetValue<string>())];

        Assert.Contains("asOfSequence", Parameters(paths["/processes/{process}/convergence"]!));
        Assert.Contains("asOfSequence", Parameters(paths["/processes/{process}/issues/{issue}/positions"]!));
        Assert.Contains("asOfSequence", Parameters(paths["/processes/{key}"]!));
        Assert.DoesNotContain("asOfSequence", Parameters(paths["/processes/{key}/issues"]!));
    }
}
