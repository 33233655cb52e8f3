using System.Globalization;
using System.Text.Json.Nodes;
using Consultation.Tests.Audit.Replaying;

namespace Consultation.Tests.Audit.Cli;

public sealed class AuditReplayCliTests(StoryApi fixture) : IClassFixture<StoryApi>
{
    private string Process => fixture.Story.Process;

    private Task<CliResult> ReplayAsync(params string[] args) => CliRunner.RunAsync(fixture.Api.Schema, ["audit", "replay", "--process", Process, .. args]);

    /// <summary>What replay printed after its title line (JasperFx's discovery banner precedes it on standard output).</summary>
    private static string[] Table(CliResult result) =>
        [.. result.Output.Split('\n').SkipWhile(l => !l.StartsWith("Convergence of ", StringComparison.Ordinal)).Skip(1)];

    private static string Line(CliResult result, string first) =>
        result.Output.Split('\n').Single(l => l.StartsWith(first + " ", StringComparison.Ordinal));

    [Fact]
    public async Task Replay_prints_the_levels_as_of_an_earlier_moment_which_differ_from_now()
    {
        var (sequence, closedAt) = await fixture.CloseEventAsync("stocktaking-2017");

        var then = await ReplayAsync("--as-of", closedAt.ToString("O", CultureInfo.InvariantCulture));
        var now = await ReplayAsync("--as-of", DateTimeOffset.UtcNow.AddSeconds(1).ToString("O", CultureInfo.InvariantCulture));

        Assert.True(then.ExitCode == 0, then.ToString());
        Assert.True(now.ExitCode == 0, now.ToString());
        Assert.Contains("Divergent", Line(then, "beta"), StringComparison.Ordinal);
        Assert.Contains("ECU THA", Line(then, "beta"), StringComparison.Ordinal); // holdouts at −2 then
        Assert.Contains("InsufficientData", Line(then, "gamma"), StringComparison.Ordinal);
        Assert.Contains("InsufficientData", Line(now, "beta"), StringComparison.Ordinal);
        Assert.Contains("BroadConvergence", Line(now, "gamma"), StringComparison.Ordinal);
        Assert.Contains("Identified", Line(then, "split"), StringComparison.Ordinal);
        Assert.Contains("Affirmed", Line(now, "split"), StringComparison.Ordinal);
        Assert.Contains($"reflecting events up to sequence {sequence}", then.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_as_of_a_sequence_prints_what_replay_as_of_its_recorded_time_prints()
    {
        var (sequence, closedAt) = await fixture.CloseEventAsync("first-round");

        var bySequence = await ReplayAsync("--as-of-sequence", sequence.ToString(CultureInfo.InvariantCulture));
        var byTime = await ReplayAsync("--as-of", closedAt.ToString("O", CultureInfo.InvariantCulture));

        Assert.True(bySequence.ExitCode == 0, bySequence.ToString());
        Assert.Contains($"(after event {sequence})", bySequence.Output, StringComparison.Ordinal);
        Assert.NotEmpty(Table(bySequence));
        Assert.Equal(Table(byTime), Table(bySequence));
    }

    [Fact]
    public async Task Replay_json_is_the_process_convergence_endpoints_body()
    {
        var (_, closedAt) = await fixture.CloseEventAsync("first-round");
        var asOf = closedAt.ToString("O", CultureInfo.InvariantCulture);

        var result = await ReplayAsync("--as-of", asOf, "--json");
        var http = await fixture.Client.GetStringAsync($"/processes/{Process}/convergence?asOf={Uri.EscapeDataString(asOf)}");

        Assert.True(result.ExitCode == 0, result.ToString());
        var cli = JsonNode.Parse(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!;
        var api = JsonNode.Parse(http)!;
        foreach (var body in new[] { cli, api })
        {
            body.AsObject().Remove("freshness"); // the store's head and the daemon's progress, read at different instants
        }

        Assert.True(JsonNode.DeepEquals(api, cli), $"{api}\n{cli}");
    }

    [Theory]
    [InlineData("no-such-process", "--as-of", "2026-01-01T00:00:00Z", "Process 'no-such-process' does not exist")]
    [InlineData(null, "--as-of", "yesterday", "--as-of: 'As Of' must be an ISO 8601 timestamp")]
    [InlineData(null, "--as-of-sequence", "99999999", "no event 99999999 has been recorded")]
    [InlineData(null, "--json", "", "Give one of --as-of")]
    public async Task Bad_arguments_exit_2_with_the_reason(string? process, string flag, string value, string message)
    {
        string[] args = ["audit", "replay", "--process", process ?? Process, flag, .. value.Length > 0 ? new[] { value } : []];

        var result = await CliRunner.RunAsync(fixture.Api.Schema, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
