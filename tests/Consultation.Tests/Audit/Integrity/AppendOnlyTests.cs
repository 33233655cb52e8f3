using Marten.Storage;
using Npgsql;

namespace Consultation.Tests.Audit.Integrity;

/// <summary>The application's own connection cannot rewrite history: the database refuses UPDATE, DELETE and TRUNCATE on the events and the chain.</summary>
public sealed class AppendOnlyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ChainRecord _record = new(api);

    [Theory]
    [InlineData("update {0}.mt_events set data = '{{}}'::jsonb", "UPDATE")]
    [InlineData("delete from {0}.mt_events", "DELETE")]
    [InlineData("truncate {0}.mt_events cascade", "TRUNCATE")]
    [InlineData("truncate {0}.mt_streams cascade", "TRUNCATE")]
    [InlineData("update {0}.mt_audit_chain set link = repeat('0', 64)", "UPDATE")]
    [InlineData("delete from {0}.mt_audit_chain", "DELETE")]
    [InlineData("truncate {0}.mt_audit_chain", "TRUNCATE")]
    public async Task The_applications_connection_cannot_rewrite_events_or_links(string sql, string operation)
    {
        await _record.BuildAsync();
        await _record.WaitForChainAsync();
        var before = await _record.EventsAsync();

        await using var connection = api.Store.Storage.Database.CreateConnection(ConnectionUsage.ReadWrite);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, api.Schema), connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("is append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Contains(operation, refused.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await _record.EventsAsync());
        var verification = await _record.GetOkAsync("/audit/verify");
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
    }
}
