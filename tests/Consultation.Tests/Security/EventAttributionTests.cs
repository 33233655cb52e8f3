using Npgsql;

namespace Consultation.Tests.Security;

/// <summary>Every event records who acted: the token's user id, display name and the role the endpoint was used in.</summary>
public sealed class EventAttributionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_event_records_the_user_id_display_name_and_the_role_used()
    {
        var alice = api.CreateClient().Authorize(TestIdentity.Token("alice", [AccessMatrix.Auditor, AccessMatrix.Secretariat], ["*"], "Alice Martín"));

        Assert.Equal(HttpStatusCode.Created, (await alice.PostJsonAsync("/stakeholders", new { key = "ZAF", kind = "MemberState", name = "South Africa", regionalGroup = "African" })).StatusCode);

        var (user, role, displayName) = await StoredAsync("ZAF");
        Assert.Equal("alice", user);
        Assert.Equal("secretariat", role);
        Assert.Equal("Alice Martín", displayName);

        using var history = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/audit/events?user=alice"));
        var entry = Assert.Single(history.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("ZAF", entry.GetProperty("streamKey").GetString());
        Assert.Equal("secretariat", entry.GetProperty("recordedBy").GetProperty("role").GetString());
        Assert.Equal("Alice Martín", entry.GetProperty("recordedBy").GetProperty("displayName").GetString());
    }

    private async Task<(string? User, string? Role, string? DisplayName)> StoredAsync(string stream)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select user_name, headers ->> 'role', headers ->> 'displayName' from {api.Schema}.mt_events where stream_id = @s", connection);
        command.Parameters.AddWithValue("s", stream);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }
}
