using System.Diagnostics;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Summaries;
using Consultation.Positions;
using Consultation.Processes;
using Consultation.Synthetic;
using Xunit.Abstractions;

namespace Consultation.Tests.Synthetic;

/// <summary>
/// The test-sized run (about 87k events) written into the test database through <see cref="SyntheticWriter"/>: the
/// dashboard's issues cover every convergence level, each at the level the builder measured, and the inline read models
/// agree with the events. Sessions mode only in the suite; the bulk mode passes the same test when a subclass with
/// <see cref="SyntheticWriteMode.Bulk"/> is added (with the CLI into an empty store the test scale took 12 s in bulk
/// against 21 s with sessions).
/// </summary>
public abstract class SyntheticConsultationTests(ApiFactory api, ITestOutputHelper output, SyntheticWriteMode mode)
{
    private HttpClient? _client;

    private async Task<T> GetOkAsync<T>(string url)
    {
        _client ??= api.CreateClient();
        var response = await _client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }

    [Fact]
    public async Task A_hundred_thousand_event_consultation_covers_every_convergence_level()
    {
        var scenario = ScenarioBuilder.Build(SyntheticOptions.Preset("test", 42) with { Process = $"synth-{mode.ToString().ToLowerInvariant()}" });
        var clock = Stopwatch.StartNew();
        var done = await new SyntheticWriter(api.Store).WriteAsync(scenario, mode, p => output.WriteLine(p.ToString()));
        output.WriteLine($"{mode}: {done.Events:N0} events in {clock.Elapsed.TotalSeconds:0.0} s ({done.EventsPerSecond:N0} events/s)");
        Assert.Equal(scenario.EventCount, done.Events);
        Assert.Equal(scenario.EventCount, await api.CountEventsAsync());

        clock.Restart();
        var dashboard = await GetOkAsync<ProcessConvergence.Answer>($"/processes/{scenario.Process}/convergence");
        output.WriteLine($"dashboard: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(Enum.GetValues<ConvergenceLevel>().Order(), dashboard.Issues.Select(i => i.Level).Distinct().Order());
        var expected = scenario.Issues.ToDictionary(i => i.Issue, i => i.Expected);
        Assert.Equal(scenario.Issues.Count, dashboard.Issues.Count);
        Assert.All(dashboard.Issues, i => Assert.Equal((i.Issue, expected[i.Issue].Level, expected[i.Issue].Positions), (i.Issue, i.Level, i.Positions)));

        var process = await GetOkAsync<ProcessDetails>($"/processes/{scenario.Process}");
        Assert.Equal(scenario.Issues.Select(i => i.Issue).Order(), process.Issues.Select(i => i.Key).Order());
        Assert.Equal(scenario.Issues.Where(i => i.Retired).Select(i => i.Issue).Order(), process.Issues.Where(i => i.Status == IssueStatus.Retired).Select(i => i.Key).Order());

        // A sample of positions with histories: each read matches the last content its events recorded.
        var sample = scenario.Streams.Where(s => s.Kind == SyntheticStreamKind.Position && s.Events.Count > 1).Where((_, n) => n % 97 == 0).Take(25).ToList();
        Assert.NotEmpty(sample);
        foreach (var stream in sample)
        {
            var stated = (PositionStated)stream.Events[0];
            var read = await GetOkAsync<PositionDetails>($"/processes/{stated.Process}/issues/{stated.Issue}/positions/{stated.Stakeholder}");
            Assert.Equal(stream.Events.Count, read.Version);
            var last = stream.Events.Select(e => e switch
            {
                PositionStated s => s.Content,
                PositionRevised r => r.Content,
                PositionCorrected c => c.Content,
                _ => null,
            }).Last(c => c is not null)!;
            Assert.Equal((last.Stance, last.Summary, last.StatedOn), (read.Stance, read.Summary, read.StatedOn));
            Assert.Equal(stream.Events[^1] is PositionWithdrawn, read.WithdrawnOn is not null);
        }
    }
}

public sealed class SyntheticConsultationInSessionsTests(ApiFactory api, ITestOutputHelper output)
    : SyntheticConsultationTests(api, output, SyntheticWriteMode.Sessions), IClassFixture<ApiFactory>;
