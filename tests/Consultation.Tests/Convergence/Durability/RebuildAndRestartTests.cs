using System.Net;
using System.Text.Json;
using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Meetings;
using Consultation.Positions;
using Consultation.Positions.Views;
using Consultation.Processes;
using Consultation.Stakeholders;
using Consultation.Stakeholders.Statistics;
using Consultation.Tests.Convergence.Summaries;
using Consultation.Tests.Support;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Convergence.Durability;

/// <summary>
/// Every summary is derived data: rebuilding all projections from the events gives the same
/// answers, and the async daemon, stopped while events are written, catches up when it restarts.
/// </summary>
public sealed class RebuildAndRestartTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Rebuilding_every_projection_gives_the_same_convergence_answers()
    {
        var story = await new ConvergenceStory(_client).BuildAsync();
        var urls = new[]
        {
            $"/processes/{story.Process}/convergence",
            $"/processes/{story.Process}/convergence/timeline",
            $"/processes/{story.Process}/issues/alpha/convergence",
            $"/processes/{story.Process}/issues/beta/convergence?statedBy=2018-02-21",
            $"/processes/{story.Process}/areas/{ConvergenceStory.Split}/convergence",
            $"/processes/{story.Process}/overview",
        };
        var before = await ReadAllAsync(urls);

        using (var daemon = await api.Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<StakeholderDetailsProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<ProcessDetailsProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<MeetingDetailsProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<StatementRecordProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<PositionDetailsProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync("PositionVersions", CancellationToken.None);
            await daemon.RebuildProjectionAsync<AreaDetailsProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<ConvergenceSettingsProjection>(CancellationToken.None);
        }

        var after = await ReadAllAsync(urls);
        foreach (var url in urls)
        {
            Assert.True(before[url] == after[url], $"{url} changed after a rebuild:\n{before[url]}\n---\n{after[url]}");
        }
    }

    [Fact]
    public async Task The_async_daemon_catches_up_after_a_restart_with_events_written_while_it_was_down()
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/stakeholders", new { key = "MEX", kind = "MemberState", name = "Mexico", regionalGroup = "LatinAmericanAndCaribbean" })).StatusCode);
        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await StatisticsAsync()).Total);

        var coordinator = api.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>();
        await coordinator.PauseAsync();
        foreach (var (key, group) in new[] { ("SLE", "African"), ("ZAF", "African"), ("THA", "AsiaPacific") })
        {
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/stakeholders", new { key, kind = "MemberState", name = key, regionalGroup = group })).StatusCode);
        }

        await Task.Delay(500);
        Assert.Equal(1, (await StatisticsAsync()).Total);

        await coordinator.ResumeAsync();
        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var statistics = await StatisticsAsync();
        Assert.Equal(4, statistics.Total);
        Assert.Equal(2, statistics.ByRegionalGroup[RegionalGroup.African]);

        using var daemon = await api.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<StakeholderStatisticsProjection>(CancellationToken.None);
        var rebuilt = await StatisticsAsync();
        Assert.Equal(statistics.Total, rebuilt.Total);
        Assert.Equal(statistics.ByKind, rebuilt.ByKind);
        Assert.Equal(statistics.ByRegionalGroup, rebuilt.ByRegionalGroup);
    }

    private async Task<StakeholderStatistics> StatisticsAsync() =>
        await (await _client.GetAsync("/stakeholders/statistics")).ReadAsync<StakeholderStatistics>();

    private async Task<Dictionary<string, string>> ReadAllAsync(IEnumerable<string> urls)
    {
        var answers = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            var response = await _client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            answers[url] = Normalize(await response.Content.ReadAsStringAsync());
        }

        return answers;
    }

    /// <summary>Drops what legitimately differs between two reads: how fresh the answer is and when it was computed.</summary>
    private static string Normalize(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Strip(node);
        return node.ToJsonString();

        static void Strip(System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject o:
                    o.Remove("freshness");
                    foreach (var child in o.Select(p => p.Value).ToList())
                    {
                        Strip(child);
                    }

                    break;
                case System.Text.Json.Nodes.JsonArray a:
                    foreach (var child in a)
                    {
                        Strip(child);
                    }

                    break;
            }
        }
    }
}
