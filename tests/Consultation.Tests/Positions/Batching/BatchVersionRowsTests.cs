using Consultation.Projections;
using Consultation.Positions.Views;
using Npgsql;

namespace Consultation.Tests.Positions.Batching;

/// <summary>
/// A batch writes the versions-table rows of the positions it starts with one statement of its own
/// (<see cref="NewVersionRows"/>), not Marten's per-row <c>Store</c>: those rows must be exactly the rows Marten's own
/// document writer makes of the same events, and the rows a single stating of the same position writes.
/// </summary>
public sealed class BatchVersionRowsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Issues = ["sovereignty", "human-rights"];
    private static readonly string[] States = ["MEX", "ECU", "THA"];

    private readonly PositionSteps _steps = new(api.CreateClient());

    [Fact]
    public async Task A_batch_s_rows_equal_those_marten_s_own_writer_makes_of_the_same_events()
    {
        var process = await OpenAsync();
        var group = await _steps.NewGroupAsync();
        await _steps.Secretariat.EnsureAccreditedAsync(group, process);
        await _steps.StateAsync(process, "sovereignty", "ZAF", 1);
        await _steps.WithdrawAsync(process, "sovereignty", "ZAF", "2017-12-05");
        await BatchAsync(process, [.. Items(), new { issue = "sovereignty", stakeholder = "ZAF", onBehalfOf = (string?)null, stance = -2, summary = "Again", meeting = "stocktaking-2017", statedOn = "2017-12-06" },
            new { issue = "labour", stakeholder = "MEX", onBehalfOf = (string?)group, stance = 2, summary = "For the group", meeting = "stocktaking-2017", statedOn = "2017-12-04" }]);
        var written = await RowsAsync(process, exact: true);

        var progress = new ProjectionRebuildProgress("PositionVersions", TimeProvider.System);
        await ProjectionRebuilder.RebuildAsync(api.Store, [progress], null, CancellationToken.None);
        Assert.True(progress.View().State == RebuildState.Succeeded, progress.View().Describe());

        Assert.Equal(Issues.Length * States.Length + 4, written.Count);
        Assert.Equal(written, await RowsAsync(process, exact: true));
    }

    [Fact]
    public async Task A_batch_s_rows_equal_those_of_single_statings_of_the_same_positions_but_for_their_times()
    {
        var batched = await OpenAsync();
        await BatchAsync(batched, Items());
        var single = await OpenAsync();
        foreach (var issue in Issues)
        {
            for (var i = 0; i < States.Length; i++)
            {
                var response = await _steps.Client.PostJsonAsync($"/processes/{single}/issues/{issue}/positions", new
                {
                    stakeholder = States[i], stance = i - 1, summary = $"{States[i]} on {issue}", meeting = "stocktaking-2017", statedOn = "2017-12-04",
                });
                Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            }
        }

        var fromSingle = (await RowsAsync(single, exact: false)).Select(r => r.Replace(single, batched, StringComparison.Ordinal)).ToList();

        Assert.Equal(Issues.Length * States.Length, fromSingle.Count);
        Assert.Equal(fromSingle, await RowsAsync(batched, exact: false));
    }

    private async Task<string> OpenAsync()
    {
        var process = await _steps.OpenAsync([.. Issues, "labour"]);
        foreach (var state in States.Append("ZAF"))
        {
            await _steps.Secretariat.EnsureStakeholderAsync(state);
            await _steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", state);
        }

        return process;
    }

    private static IEnumerable<object> Items() =>
        Issues.SelectMany(issue => States.Select((s, i) => (object)new
        {
            issue, stakeholder = s, onBehalfOf = (string?)null, stance = i - 1, summary = $"{s} on {issue}", meeting = "stocktaking-2017", statedOn = "2017-12-04",
        }));

    private async Task BatchAsync(string process, IEnumerable<object> items)
    {
        var batch = await _steps.Client.PostJsonAsync($"/processes/{process}/positions/batch", new { items = items.ToArray() });
        Assert.True(batch.StatusCode == HttpStatusCode.Created, await batch.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The process's rows as JSON text (jsonb: canonical key order), by id: every column but the write time and the version
    /// (a fresh value on every write); unless <paramref name="exact"/>, also without the recorded times, which differ between two writes.
    /// </summary>
    private async Task<List<string>> RowsAsync(string process, bool exact)
    {
        var table = api.Store.Options.FindOrResolveDocumentType(typeof(PositionVersion)).TableName.QualifiedName;
        var row = exact
            ? "to_jsonb(t) - 'mt_last_modified' - 'mt_version'"
            : "to_jsonb(t) - 'mt_last_modified' - 'mt_version' - 'recorded_at' - 'superseded_at' || jsonb_build_object('data', t.data - 'recordedAt' - 'firstRecordedAt' - 'contentRecordedAt' - 'RecordedAt' - 'FirstRecordedAt' - 'ContentRecordedAt')";
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select ({row})::text from {table} t where t.process = @process order by t.id collate \"C\"", connection);
        command.Parameters.AddWithValue("process", process);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
