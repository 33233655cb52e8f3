using Consultation.Infrastructure.Security;
using Npgsql;
using Xunit.Abstractions;

namespace Consultation.Tests.Reliability.Faults;

/// <summary>
/// An async projection meets an event it cannot apply. Marten (skip flags off, as configured) pauses that projection's
/// shard at the event instead of skipping it: readiness must turn unhealthy naming the projection and the event, the
/// administrators' failure list must show it, and the other async projections must keep applying later events.
/// </summary>
public sealed class ProjectionFaultTests(FaultyProjectionApiFactory api, ITestOutputHelper output) : IClassFixture<FaultyProjectionApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_event_a_projection_cannot_apply_pauses_it_visibly_and_the_other_projections_go_on()
    {
        var secretariat = new Secretariat(api.CreateClient());
        await secretariat.EnsureStakeholderAsync("FOK", name: "Before the fault", regionalGroup: "African");
        await Eventually.HoldsAsync(async () => await SeenAsync("FOK"), Patience);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/health/ready")).StatusCode);

        await secretariat.EnsureStakeholderAsync("FPX", name: $"{RefusingProjection.PoisonMarker} registration", regionalGroup: "African");
        await secretariat.EnsureStakeholderAsync("FAF", name: "After the fault", regionalGroup: "African");
        var poison = await SequenceOfAsync("FPX");
        var after = await SequenceOfAsync("FAF");

        string readiness = string.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await api.CreateClient().GetAsync("/health/ready");
            readiness = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
                .GetProperty("checks").GetProperty("projection-daemon").GetProperty("description").GetString()!;
            return response.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, Patience);
        output.WriteLine($"Readiness: {readiness}");
        Assert.Contains($"'{RefusingProjection.Name}' is paused", readiness, StringComparison.Ordinal);
        Assert.Contains($"could not apply event {poison}", readiness, StringComparison.Ordinal);

        var admin = api.CreateClient().Authorize(TestIdentity.Token("ops", [Roles.Administrator], [ConsultationClaims.AllProcesses]));
        var failures = await (await admin.GetAsync("/admin/projections/failures")).ReadAsync<JsonElement>();
        output.WriteLine($"Failures: {failures}");
        var paused = Assert.Single(failures.GetProperty("paused").EnumerateArray());
        Assert.Equal(RefusingProjection.Name, paused.GetProperty("projection").GetString());
        Assert.Equal("Paused", paused.GetProperty("status").GetString());
        Assert.Equal(poison, paused.GetProperty("failedEventSequence").GetInt64());
        Assert.Equal("FPX", paused.GetProperty("failedEventStream").GetString());
        Assert.Equal("ApplyEvent", paused.GetProperty("category").GetString());
        Assert.True(paused.GetProperty("sequence").GetInt64() < poison, "The paused projection claims to have passed the event it could not apply.");
        Assert.Equal(0, failures.GetProperty("deadLetters").GetProperty("totalItems").GetInt64());

        // Nothing skipped silently: the broken projection stopped before the event; the others applied what came after it.
        Assert.False(await SeenAsync("FAF"), "The paused projection applied an event after the one it could not apply.");
        await Eventually.HoldsAsync(async () => await StatisticsSequenceAsync() >= after, Patience);
        await (await admin.GetAsync("/admin/projections/failures?page=0")).AssertProblemAsync(400);
    }

    private async Task<bool> SeenAsync(string key)
    {
        await using var session = api.Store.QuerySession();
        return await session.LoadAsync<SeenRegistration>(key) is not null;
    }

    private async Task<long> SequenceOfAsync(string stream) =>
        await ScalarAsync<long>($"select max(seq_id) from {api.Schema}.mt_events where stream_id = @stream", ("stream", stream));

    private async Task<long> StatisticsSequenceAsync() =>
        await ScalarAsync<long>($"select coalesce(max(last_seq_id), 0) from {api.Schema}.mt_event_progression where name like 'StakeholderStatistics%'");

    private static async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
