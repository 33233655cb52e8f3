using Npgsql;

namespace Consultation.Tests.Positions.Views;

/// <summary>
/// The versions table keeps a column for every filter but an index only for the filters that lead a read (every index
/// costs every inserted row): the schema has exactly those, a database made with the older one-index-per-column schema
/// loses the others on migration, and every read's filter can still be answered from an index. The current positions'
/// table keeps only its process index (the process overview's filter).
/// </summary>
public sealed class PositionVersionIndexTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Expected =
    [
        "mt_doc_positionversion_idx_position_key",
        "mt_doc_positionversion_idx_process_issue",
        "mt_doc_positionversion_idx_stakeholder",
        "pkey_mt_doc_positionversion_id",
    ];

    private static readonly string[] CurrentExpected = ["mt_doc_positiondetails_idx_process", "pkey_mt_doc_positiondetails_id"];

    private static readonly string[] Dropped = ["process", "issue", "recorded_at", "superseded_at", "stated_on", "valid_to"];

    private string Table => $"{api.Schema}.mt_doc_positionversion";

    [Fact]
    public async Task The_versions_table_has_an_index_for_each_leading_filter_and_no_other()
    {
        _ = api.Store;

        Assert.Equal(Expected, await IndexesAsync());
        Assert.Subset((await ColumnsAsync()).ToHashSet(), Dropped.Append("position_key").Append("stakeholder").ToHashSet());
    }

    [Fact]
    public async Task The_current_positions_table_is_indexed_by_process_only()
    {
        _ = api.Store;

        Assert.Equal(CurrentExpected, await CurrentIndexesAsync());
    }

    [Fact]
    public async Task A_database_with_the_older_index_per_column_loses_those_indexes_on_migration()
    {
        _ = api.Store;
        foreach (var column in Dropped)
        {
            await TestDatabase.ExecuteAsync($"create index if not exists mt_doc_positionversion_idx_{column} on {Table} ({column})");
        }

        await TestDatabase.ExecuteAsync($"create index if not exists mt_doc_positiondetails_idx_stakeholder on {api.Schema}.mt_doc_positiondetails ((data ->> 'stakeholder'))");

        Assert.Equal(Expected.Length + Dropped.Length, (await IndexesAsync()).Count);

        var apply = await CliRunner.RunAsync(api.Schema, "db-apply");
        var assert = await CliRunner.RunAsync(api.Schema, "db-assert");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(assert.ExitCode == 0, assert.ToString());
        Assert.Equal(Expected, await IndexesAsync());
        Assert.Equal(CurrentExpected, await CurrentIndexesAsync());
    }

    [Theory]
    [InlineData("position_key = any(array['p/i/MEX', 'p/i/african-group']) and superseded_at is null and valid_to is null", "idx_position_key")]
    [InlineData("process = 'p' and issue = 'i' and superseded_at is null and valid_to is null", "idx_process_issue")]
    [InlineData("process = 'p' and superseded_at is null", "idx_process_issue")]
    [InlineData("process = 'p' and stakeholder = any(array['MEX', 'african-group']) and superseded_at is null", "idx_")]
    [InlineData("process = 'p' and recorded_at <= now() and (superseded_at is null or superseded_at > now()) and stated_on <= '2017-12-05' and (valid_to is null or valid_to > '2017-12-05')", "idx_process_issue")]
    public async Task Every_read_s_filter_can_be_answered_from_an_index(string predicate, string index)
    {
        _ = api.Store;

        var plan = await PlanAsync($"select d.id from {Table} d where {predicate}");

        Assert.True(plan.Contains(index, StringComparison.Ordinal), plan);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    private async Task<List<string>> IndexesAsync() =>
        await ListAsync($"select indexname from pg_indexes where schemaname = '{api.Schema}' and tablename = 'mt_doc_positionversion' order by indexname");

    private async Task<List<string>> CurrentIndexesAsync() =>
        await ListAsync($"select indexname from pg_indexes where schemaname = '{api.Schema}' and tablename = 'mt_doc_positiondetails' order by indexname");

    private async Task<List<string>> ColumnsAsync() =>
        await ListAsync($"select column_name from information_schema.columns where table_schema = '{api.Schema}' and table_name = 'mt_doc_positionversion'");

    private async Task<string> PlanAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();

        // The test table is tiny, where a sequential scan is always cheaper: ask whether an index *can* answer.
        await using (var off = new NpgsqlCommand("set enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        return string.Join('\n', await ListAsync($"explain {sql}", connection));
    }

    private async Task<List<string>> ListAsync(string sql, NpgsqlConnection? open = null)
    {
        await using var own = open is null ? new NpgsqlConnection(await TestDatabase.ConnectionStringAsync()) : null;
        var connection = open ?? own!;
        if (own is not null)
        {
            await own.OpenAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
