using Consultation.Convergence.Measuring;
using Consultation.Tests.Support;
using Npgsql;

namespace Consultation.Tests.Convergence.Measuring;

/// <summary>
/// A measure finds its process's accreditation events through a partial index on the process key (created with the schema,
/// again by a migration when missing), which the planner can use only if the statement names the event type as a constant.
/// </summary>
public sealed class AccreditationsIndexTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    private async Task<string> AccreditedProcessAsync()
    {
        var process = await _steps.OpenAsync("alpha");
        await _steps.Secretariat.EnsureStakeholderAsync("MEX", "MemberState");
        await _steps.Secretariat.UpdateOkAsync("/stakeholders/MEX", "accreditations", new { process, accreditedOn = "2017-05-01", reason = "Participates" });
        await _steps.StateAsync(process, "alpha", "MEX", 2);
        return process;
    }

    [Fact]
    public async Task A_measure_reads_its_accreditations_by_the_partial_index()
    {
        var process = await AccreditedProcessAsync();
        await using var session = api.Store.QuerySession();

        var (answer, statements) = await RoundTrips.TraceAsync(async () =>
            await new IssueConvergence.Handler(session, TimeProvider.System, new Consultation.Convergence.Measuring.Live.LiveMeasures(TimeProvider.System)).Handle(new IssueConvergence.Query(process, "alpha", null, null), CancellationToken.None));
        var plan = await ExplainAsync(
            $"select e.stream_id from {api.Schema}.mt_events e where e.type = 'stakeholder_accredited' and e.data ->> 'processKey' = '{process}' and e.timestamp <= now()");

        Assert.Equal((1, 1), (answer.Measure.Coverage.Accredited, answer.Measure.Coverage.AccreditedWithPosition));
        Assert.Contains(statements, s => s.Contains("e.type = 'stakeholder_accredited' and e.data ->> 'processKey' = ", StringComparison.Ordinal));
        Assert.Contains(AccreditationsIndex.Name, plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_index_is_created_again_by_a_migration()
    {
        _ = api.Store;
        await TestDatabase.ExecuteAsync($"drop index {api.Schema}.{AccreditationsIndex.Name}");

        var apply = await CliRunner.RunAsync(api.Schema, "db-apply");
        var assert = await CliRunner.RunAsync(api.Schema, "db-assert");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(assert.ExitCode == 0, assert.ToString());
        Assert.Contains(AccreditationsIndex.Name, await ExplainAsync(
            $"select e.stream_id from {api.Schema}.mt_events e where e.type = 'stakeholder_accredited' and e.data ->> 'processKey' = 'p' and e.timestamp <= now()"));
    }

    /// <summary>
    /// The plan with the event-type index out of the way (dropped in a transaction rolled back): on the tests' tiny tables
    /// the planner picks either, so ask whether the partial index *can* answer.
    /// </summary>
    private async Task<string> ExplainAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var setUp = new NpgsqlCommand($"set local enable_seqscan = off; drop index {api.Schema}.idx_mt_events_event_type_seq_id", connection, transaction))
        {
            await setUp.ExecuteNonQueryAsync();
        }

        var lines = new List<string>();
        await using (var command = new NpgsqlCommand($"explain {sql}", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        await transaction.RollbackAsync();
        return string.Join('\n', lines);
    }
}
