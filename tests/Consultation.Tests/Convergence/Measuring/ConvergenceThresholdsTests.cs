using System.Net;
using System.Net.Http.Json;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Tests.Support;

namespace Consultation.Tests.Convergence.Measuring;

/// <summary>A process's own thresholds: read (defaults until set), set with If-Match, validated, refused once concluded.</summary>
public sealed class ConvergenceThresholdsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    private static object Body(int minPositions = 3, int minGroups = 2, double consensus = 0.8, double broad = 0.65, double emerging = 0.5, double maxOpposition = 0.05) =>
        new
        {
            minPositions,
            minGroups,
            consensusGicn = consensus,
            broadConvergenceGicn = broad,
            emergingGicn = emerging,
            broadConvergenceMaxOpposition = maxOpposition,
            reason = "Agreed by the co-facilitators",
        };

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string process, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/processes/{process}/convergence-settings") { Content = JsonContent.Create(body, options: HttpExtensions.Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task Defaults_apply_until_a_process_sets_its_own_thresholds()
    {
        var process = await _secretariat.LaunchProcessAsync();

        var response = await Client.GetAsync($"/processes/{process}/convergence-settings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag!.Tag);
        var defaults = await response.ReadAsync<ConvergenceSettings>();
        Assert.True(defaults.IsDefault);
        Assert.Equal(ConvergenceThresholds.Default, defaults.Thresholds);

        var set = await PutAsync(Client, process, Body(), "\"0\"");
        Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        Assert.Equal("\"1\"", set.Headers.ETag!.Tag);
        var settings = await set.ReadAsync<ConvergenceSettings>();
        Assert.False(settings.IsDefault);
        Assert.Equal(new ConvergenceThresholds(3, 2, 0.8, 0.65, 0.5, 0.05), settings.Thresholds);
        Assert.Equal("Agreed by the co-facilitators", settings.Reason);

        var again = await PutAsync(Client, process, Body(minPositions: 4), "\"1\"");
        Assert.Equal(2, (await again.ReadAsync<ConvergenceSettings>()).Version);
        var reread = await _secretariat.ETagAsync($"/processes/{process}/convergence-settings");
        Assert.Equal("\"2\"", reread);
    }

    [Fact]
    public async Task A_replay_judges_levels_by_the_thresholds_in_force_at_that_moment()
    {
        var (process, _) = await _secretariat.OpenStocktakingAsync("sovereignty");
        var first = await (await PutAsync(Client, process, Body(minPositions: 3), "\"0\"")).ReadAsync<ConvergenceSettings>();
        var second = await (await PutAsync(Client, process, Body(minPositions: 7), "\"1\"")).ReadAsync<ConvergenceSettings>();
        var setFirst = first.LastChangedAt!.Value;
        var setSecond = second.LastChangedAt!.Value;

        async Task<ConvergenceSettings> SettingsAsOf(DateTimeOffset at)
        {
            var response = await Client.GetAsync($"/processes/{process}/convergence-settings?asOf={Uri.EscapeDataString(at.ToString("O"))}");
            Assert.Null(response.Headers.ETag); // a past state is not a version to update from
            return await response.ReadAsync<ConvergenceSettings>();
        }

        Assert.True((await SettingsAsOf(setFirst.AddTicks(-10))).IsDefault);
        Assert.Equal(3, (await SettingsAsOf(setFirst)).Thresholds.MinPositions);
        Assert.Equal(3, (await SettingsAsOf(setSecond.AddTicks(-10))).Thresholds.MinPositions);
        Assert.Equal(7, (await SettingsAsOf(setSecond)).Thresholds.MinPositions);

        async Task<int> MinPositionsJudgedAsOf(DateTimeOffset? at)
        {
            var query = at is { } moment ? $"?asOf={Uri.EscapeDataString(moment.ToString("O"))}" : string.Empty;
            var answer = await (await Client.GetAsync($"/processes/{process}/issues/sovereignty/convergence{query}")).ReadAsync<IssueConvergence.Answer>();
            return answer.Measure.Thresholds.MinPositions;
        }

        Assert.Equal(ConvergenceThresholds.Default.MinPositions, await MinPositionsJudgedAsOf(setFirst.AddTicks(-10)));
        Assert.Equal(3, await MinPositionsJudgedAsOf(setSecond.AddTicks(-10)));
        Assert.Equal(7, await MinPositionsJudgedAsOf(null));
        await (await Client.GetAsync($"/processes/{process}/convergence-settings?asOf=yesterday")).AssertProblemAsync(400);
    }

    [Fact]
    public async Task Updates_need_the_current_etag()
    {
        var process = await _secretariat.LaunchProcessAsync();

        await (await PutAsync(Client, process, Body(), null)).AssertProblemAsync(428);
        await (await PutAsync(Client, process, Body(), "\"3\"")).AssertProblemAsync(412);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(Client, process, Body(), "\"0\"")).StatusCode);
        await (await PutAsync(Client, process, Body(), "\"0\"")).AssertProblemAsync(412);
    }

    [Fact]
    public async Task Thresholds_are_validated_and_each_bad_field_is_named()
    {
        var process = await _secretariat.LaunchProcessAsync();

        var problem = await (await PutAsync(Client, process, Body(minPositions: 0, minGroups: 0, maxOpposition: 1.5), "\"0\"")).AssertProblemAsync(400);
        Assert.NotEmpty(problem.ErrorsFor("minPositions"));
        Assert.NotEmpty(problem.ErrorsFor("minGroups"));
        Assert.NotEmpty(problem.ErrorsFor("broadConvergenceMaxOpposition"));

        var unordered = await (await PutAsync(Client, process, Body(consensus: 0.5, broad: 0.7), "\"0\"")).AssertProblemAsync(400);
        Assert.Contains("ordered", Assert.Single(unordered.ErrorsFor("consensusGicn")));

        var missing = await (await PutAsync(Client, process, new { minPositions = 3 }, "\"0\"")).AssertProblemAsync(400);
        Assert.NotEmpty(missing.ErrorsFor("emergingGicn"));
    }

    [Fact]
    public async Task The_process_must_exist_and_not_be_concluded()
    {
        await (await Client.GetAsync("/processes/no-such-process/convergence-settings")).AssertProblemAsync(404);
        await (await PutAsync(Client, "no-such-process", Body(), "\"0\"")).AssertProblemAsync(404);

        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.ConcludeAsync(process, new DateOnly(2018, 7, 13));
        var problem = await (await PutAsync(Client, process, Body(), "\"0\"")).AssertProblemAsync(409);
        Assert.Contains("concluded", problem.GetProperty("detail").GetString());
    }
}
