using Consultation.Projections;
using Consultation.Positions;
using Consultation.Positions.Views;
using Npgsql;

namespace Consultation.Tests.Projections;

/// <summary>
/// The position projections are rebuilt stream by stream (<see cref="StreamFoldRebuild"/>), not by Marten's daemon: the rebuilt
/// tables must hold exactly the rows the inline projections wrote — document, revision and indexed columns alike — for a
/// record with batches, group statements, revisions, corrections of revised versions, withdrawals and re-statements.
/// </summary>
public sealed class PositionProjectionsRebuildTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Projections = ["PositionDetails", "PositionVersions"];

    private readonly PositionSteps _steps = new(api.CreateClient());

    [Fact]
    public async Task The_position_projections_rebuilt_stream_by_stream_equal_what_the_inline_projections_wrote()
    {
        await RecordAsync();
        Assert.All(Projections, p => Assert.NotNull(StreamFolds.For(api.Store, p)));
        var inline = await RowsAsync();
        Assert.True(inline["PositionVersion"].Count > 40, $"Only {inline["PositionVersion"].Count} version rows");

        var progress = Projections.Select(p => new ProjectionRebuildProgress(p, TimeProvider.System)).ToList();
        var head = await ProjectionRebuilder.RebuildAsync(api.Store, progress, null, CancellationToken.None);

        Assert.All(progress.Select(p => p.View()), v =>
        {
            Assert.True(v.State == RebuildState.Succeeded, v.Describe());
            Assert.Equal(head, v.Sequence);
        });
        var rebuilt = await RowsAsync();
        AssertSameRows(inline, rebuilt);

        Assert.Equal(0L, await ScalarAsync("select count(*) from {schema}.mt_event_progression where name like 'Position%'"));
    }

    [Fact]
    public async Task Marten_s_own_rebuild_gives_the_same_rows_as_the_stream_by_stream_rebuild()
    {
        await RecordAsync();
        await ProjectionRebuilder.RebuildAsync(api.Store, Projections.Select(p => new ProjectionRebuildProgress(p, TimeProvider.System)).ToList(), null, CancellationToken.None);
        var folded = await RowsAsync();

        using (var daemon = await api.Store.BuildProjectionDaemonAsync())
        {
            foreach (var projection in Projections)
            {
                await daemon.RebuildProjectionAsync(projection, CancellationToken.None);
            }
        }

        var daemonRows = await RowsAsync();
        AssertSameRows(daemonRows, folded);
    }

    private static void AssertSameRows(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual)
    {
        foreach (var (table, rows) in expected)
        {
            Assert.Equal(rows.Count, actual[table].Count);
            var first = rows.Zip(actual[table]).FirstOrDefault(p => p.First != p.Second);
            Assert.True(first == default, $"{table} differs:\n expected {first.First}\n actual   {first.Second}");
        }
    }

    /// <summary>Positions through the API (the real write path, inline projections included) in a fresh process.</summary>
    private async Task RecordAsync()
    {
        string[] issues = ["sovereignty", "human-rights", "labour"];
        string[] states = ["MEX", "ECU", "THA", "ZAF"];
        var process = await _steps.OpenAsync(issues);
        foreach (var key in states.Skip(1))
        {
            await _steps.Secretariat.EnsureStakeholderAsync(key);
            await _steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", key);
        }

        var group = await _steps.NewGroupAsync();
        await _steps.Secretariat.EnsureAccreditedAsync(group, process);
        var items = issues.SelectMany(issue => states.Select((s, i) => new
        {
            issue, stakeholder = s, onBehalfOf = (string?)null, stance = i - 1, summary = $"{s} on {issue}", meeting = "stocktaking-2017", statedOn = "2017-12-04",
        }))
            .Append(new { issue = "labour", stakeholder = "MEX", onBehalfOf = (string?)group, stance = 2, summary = "For the group", meeting = "stocktaking-2017", statedOn = "2017-12-04" })
            .ToArray();
        var batch = await _steps.Client.PostJsonAsync($"/processes/{process}/positions/batch", new { items });
        Assert.True(batch.StatusCode == HttpStatusCode.Created, await batch.Content.ReadAsStringAsync());

        foreach (var issue in issues)
        {
            await _steps.ReviseAsync(process, issue, "MEX", 2, "2017-12-05");
            await _steps.CorrectAsync(process, issue, "MEX", -2, "2017-12-06", "The revision's date was wrong");
            await _steps.CorrectAsync(process, issue, "MEX", -1, "2017-12-06", "Stance entered wrong");
            await _steps.ReviseAsync(process, issue, "ECU", 1, "2017-12-05");
            await _steps.WithdrawAsync(process, issue, "THA", "2017-12-05");
            await _steps.StateAsync(process, issue, "THA", 2, "2017-12-06");
            await _steps.ReviseAsync(process, issue, "THA", 0, "2017-12-06");
            await _steps.CorrectAsync(process, issue, "ZAF", 2, "2017-12-05");
        }

        await _steps.ReviseAsync(process, "labour", group, -1, "2017-12-05");
        await _steps.WithdrawAsync(process, "labour", group, "2017-12-06");
        await _steps.StateAsync(process, "sovereignty", group, 1, "2017-12-06", onBehalfOf: null);
    }

    /// <summary>
    /// Every row of both tables as JSON text (jsonb: canonical key order), by id: all columns but the write time and, for the
    /// versions table, its version (a fresh Guid on every write). The details' version is the stream's revision and must match.
    /// </summary>
    private async Task<Dictionary<string, List<string>>> RowsAsync()
    {
        var tables = new Dictionary<string, List<string>>();
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        foreach (var (table, type, ignored) in new[] { ("PositionDetails", typeof(PositionDetails), ""), ("PositionVersion", typeof(PositionVersion), " - 'mt_version'") })
        {
            var name = api.Store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName;
            await using var command = new NpgsqlCommand($"select (to_jsonb(t) - 'mt_last_modified'{ignored})::text from {name} t order by t.id collate \"C\"", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            tables[table] = rows;
        }

        return tables;
    }

    private Task<long> ScalarAsync(string sql) => TestDatabase.ScalarAsync<long>(sql.Replace("{schema}", api.Schema, StringComparison.Ordinal));
}
