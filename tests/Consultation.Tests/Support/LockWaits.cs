using Npgsql;

namespace Consultation.Tests.Support;

/// <summary>For tests of concurrent writers: waits until a request's transaction waits for another's lock.</summary>
public static class LockWaits
{
    public static async Task WaitUntilBlockedAsync(string schema, Task request)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        for (var attempt = 0; attempt < 200 && !request.IsCompleted; attempt++)
        {
            await using var command = new NpgsqlCommand("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike @schema", connection);
            command.Parameters.AddWithValue("schema", $"%{schema}%");
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The request never waited for the concurrent writer.");
    }
}
