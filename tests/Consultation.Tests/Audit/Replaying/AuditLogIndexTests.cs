using Consultation.Audit.Exporting;
using Npgsql;

namespace Consultation.Tests.Audit.Replaying;

/// <summary>The audit log's filter indexes on mt_events: created with the schema, kept by later migrations, usable by the planner.</summary>
public sealed class AuditLogIndexTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Indexes = [AuditLogIndexes.Timestamp, AuditLogIndexes.UserName, AuditLogIndexes.Type];

    private async Task<List<string>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("set enable_seqscan = off", connection))
        {
            // The test tables are tiny, where a sequential scan is always cheaper: ask whether an index *can* answer.
            await off.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private Task<List<string>> IndexesAsync() =>
        QueryAsync("select indexname from pg_indexes where schemaname = @schema and tablename = 'mt_events'", ("schema", api.Schema));

    [Fact]
    public async Task The_indexes_exist_once_the_schema_is_applied_and_a_second_apply_keeps_them()
    {
        _ = api.Store;
        Assert.Subset((await IndexesAsync()).ToHashSet(), Indexes.ToHashSet());

        var apply = await CliRunner.RunAsync(api.Schema, "db-apply");
        var assert = await CliRunner.RunAsync(api.Schema, "db-assert");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(assert.ExitCode == 0, assert.ToString());
        Assert.Subset((await IndexesAsync()).ToHashSet(), Indexes.ToHashSet());
    }

    [Theory]
    [InlineData("e.timestamp >= now() - interval '1 day' and e.timestamp < now()", AuditLogIndexes.Timestamp)]
    [InlineData("e.user_name = 'dev-secretariat'", AuditLogIndexes.UserName)]
    [InlineData("e.type = 'position_revised'", AuditLogIndexes.Type)]
    public async Task The_planner_can_answer_a_selective_filter_from_its_index(string predicate, string index)
    {
        _ = api.Store;

        var plan = string.Join('\n', await QueryAsync($"explain select e.seq_id from {api.Schema}.mt_events e where e.seq_id > 0 and {predicate} order by e.seq_id limit 100"));

        Assert.Contains(index, plan, StringComparison.Ordinal);
    }
}
