using System.Collections.Concurrent;
using Consultation.Tests.Convergence.Summaries;
using Marten.Events;

namespace Consultation.Tests.Projections;

/// <summary>Projection documents changed behind the record's back (a field, a deleted row, a forged row) are each reported, with type, id and field.</summary>
public sealed class VerifyTamperedProjectionsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Forged = "forged-area";

    // Tampered once per class (each test gets a new instance): which position document was deleted, by schema.
    private static readonly ConcurrentDictionary<string, string> DeletedPositions = new();

    private readonly HttpClient _client = api.CreateClient();

    private RebuildSteps Steps => new(_client, api.Schema);

    private string DeletedPosition => DeletedPositions[api.Schema];

    public async Task InitializeAsync()
    {
        if (DeletedPositions.ContainsKey(api.Schema))
        {
            return;
        }

        var story = await new ConvergenceStory(_client).BuildAsync();
        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await Steps.SqlAsync("update {schema}.mt_doc_stakeholderdetails set data = jsonb_set(data, '{name}', '\"Tampered\"') where id = 'ECU'"));
        Assert.Equal(1, await Steps.SqlAsync($"delete from {{schema}}.mt_doc_positiondetails where id = '{story.Process}/alpha/MEX'"));
        await Steps.SqlAsync($$"""
            create temp table forged as select * from {schema}.mt_doc_areadetails limit 1;
            update forged set id = '{{Forged}}', data = jsonb_set(data, '{id}', '"{{Forged}}"');
            insert into {schema}.mt_doc_areadetails select * from forged;
            """);
        DeletedPositions[api.Schema] = $"{story.Process}/alpha/MEX";
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_tampered_document_is_reported_with_its_type_id_and_field()
    {
        var report = await Steps.VerifyAsync();

        Assert.False(report.GetProperty("identical").GetBoolean(), report.ToString());
        var differences = report.GetProperty("differences").EnumerateArray().ToList();
        Assert.Equal(differences.Count, report.GetProperty("totalDifferences").GetInt64());

        var changed = Assert.Single(differences, d => d.GetProperty("kind").GetString() == "Different");
        Assert.Equal("StakeholderDetails", changed.GetProperty("documentType").GetString());
        Assert.Equal("ECU", changed.GetProperty("id").GetString());
        var field = Assert.Single(changed.GetProperty("fields").EnumerateArray());
        Assert.Equal("$.name", field.GetProperty("path").GetString());
        Assert.Equal("\"Tampered\"", field.GetProperty("live").GetString());
        Assert.Equal("\"ECU\"", field.GetProperty("rebuilt").GetString());

        var missing = Assert.Single(differences, d => d.GetProperty("kind").GetString() == "MissingInLive");
        Assert.Equal("PositionDetails", missing.GetProperty("documentType").GetString());
        Assert.Equal(DeletedPosition, missing.GetProperty("id").GetString());
        Assert.Contains(DeletedPosition, missing.GetProperty("rebuilt").GetString(), StringComparison.Ordinal);

        var extra = Assert.Single(differences, d => d.GetProperty("kind").GetString() == "ExtraInLive");
        Assert.Equal("AreaDetails", extra.GetProperty("documentType").GetString());
        Assert.Equal(Forged, extra.GetProperty("id").GetString());

        var checks = report.GetProperty("projections").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("outcome").GetString());
        Assert.Equal("Different", checks["StakeholderDetails"]);
        Assert.Equal("Different", checks["PositionDetails"]);
        Assert.Equal("Different", checks["AreaDetails"]);
        Assert.Equal("Identical", checks["PositionVersions"]);
        Assert.Equal(0, await Steps.ScratchSchemasLeftAsync());
    }

    [Fact]
    public async Task The_command_line_reports_the_tampering_and_exits_1()
    {
        var text = await CliRunner.RunAsync(api.Schema, "audit", "verify", "--projections-only");
        Assert.True(text.ExitCode == 1, text.ToString());
        Assert.Contains("different: StakeholderDetails 'ECU' (StakeholderDetails)", text.Output, StringComparison.Ordinal);
        Assert.Contains("$.name: live \"Tampered\", rebuilt \"ECU\"", text.Output, StringComparison.Ordinal);
        Assert.Contains($"missing in live: PositionDetails '{DeletedPosition}'", text.Output, StringComparison.Ordinal);
        Assert.Contains($"extra in live: AreaDetails '{Forged}'", text.Output, StringComparison.Ordinal);
        Assert.Contains("Differences: 3.", text.Output, StringComparison.Ordinal);
        Assert.Contains("MISMATCH", text.Output, StringComparison.Ordinal);

        var json = await CliRunner.RunAsync(api.Schema, "audit", "verify", "--projections-only", "--json");
        Assert.True(json.ExitCode == 1, json.ToString());
        Assert.Equal(3, RebuildSteps.JsonFrom(json.Output).GetProperty("totalDifferences").GetInt64());
        Assert.Equal(0, await Steps.ScratchSchemasLeftAsync());
    }
}
