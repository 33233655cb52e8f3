using Consultation.Tests.Convergence.Summaries;
using Marten.Events;

namespace Consultation.Tests.Projections;

/// <summary>An untouched record: its projections equal a rebuild from the events, over the API and on the command line, which also rebuilds.</summary>
public sealed class VerifyProjectionsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();
    private RebuildSteps Steps => new(_client, api.Schema);

    public async Task InitializeAsync()
    {
        if (await api.CountEventsAsync() == 0)
        {
            await new ConvergenceStory(_client).BuildAsync();
        }

        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_untouched_record_matches_its_rebuild_in_every_projection_and_no_scratch_schema_is_left()
    {
        var report = await Steps.VerifyAsync();

        Assert.True(report.GetProperty("identical").GetBoolean(), report.ToString());
        Assert.Equal(0, report.GetProperty("totalDifferences").GetInt64());
        Assert.Empty(report.GetProperty("differences").EnumerateArray());
        var checks = report.GetProperty("projections").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        var listed = (await Steps.GetJsonAsync("/admin/projections")).GetProperty("projections").EnumerateArray().Select(p => p.GetProperty("name").GetString()!);
        Assert.Equal(listed.Order(), checks.Keys.Order());
        Assert.All(checks.Values, c => Assert.Equal("Identical", c.GetProperty("outcome").GetString()));
        foreach (var projected in new[] { "StakeholderDetails", "PositionDetails", "PositionVersions", "AreaDetails", "MeetingDetails", "StakeholderStatistics" })
        {
            Assert.True(checks[projected].GetProperty("documentsCompared").GetInt64() > 0, $"{projected} compared nothing: {report}");
        }

        Assert.Equal(checks.Values.Sum(c => c.GetProperty("documentsCompared").GetInt64()), report.GetProperty("documentsCompared").GetInt64());
        Assert.StartsWith(api.Schema + "_verify_", report.GetProperty("scratchSchema").GetString(), StringComparison.Ordinal);
        Assert.True(report.GetProperty("scratchSchemaDropped").GetBoolean());
        Assert.Equal(0, await Steps.ScratchSchemasLeftAsync());
    }

    [Fact]
    public async Task The_command_line_rebuilds_with_progress_and_records_it_then_verifies_clean()
    {
        var rebuild = await CliRunner.RunAsync(api.Schema, "audit", "rebuild");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        var projections = (await Steps.GetJsonAsync("/admin/projections")).GetProperty("projections").GetArrayLength();
        Assert.Contains($"[rebuild 1/{projections}] StakeholderDetails: running", rebuild.Error, StringComparison.Ordinal);
        Assert.Contains("StakeholderStatistics: succeeded, sequence", rebuild.Error, StringComparison.Ordinal);
        Assert.Contains("succeeded: " + projections + " projections up to sequence", rebuild.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[rebuild", rebuild.Output, StringComparison.Ordinal);

        var recorded = (await Steps.GetJsonAsync("/audit/streams/audit:rebuilds")).EnumerateArray().Last();
        Assert.StartsWith("cli:", recorded.GetProperty("recordedBy").GetProperty("user").GetString(), StringComparison.Ordinal);
        Assert.Equal("cli", recorded.GetProperty("payload").GetProperty("via").GetString());
        Assert.Equal("succeeded", recorded.GetProperty("payload").GetProperty("outcome").GetString());

        var verify = await CliRunner.RunAsync(api.Schema, "audit", "verify", "--projections-only");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("StakeholderDetails (inline): identical", verify.Output, StringComparison.Ordinal);
        Assert.Contains("Result: the live projections match the events.", verify.Output, StringComparison.Ordinal);
        Assert.Contains("Copying the events and the live projections at one snapshot", verify.Error, StringComparison.Ordinal);

        var json = await CliRunner.RunAsync(api.Schema, "audit", "verify", "--projections-only", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.True(RebuildSteps.JsonFrom(json.Output).GetProperty("identical").GetBoolean());
        Assert.Equal(0, await Steps.ScratchSchemasLeftAsync());
    }
}
