using Consultation.Convergence.Measuring.Live;
using Consultation.Tests.Support;
using Marten;

namespace Consultation.Tests.Convergence.Measuring.Live;

/// <summary>
/// Every write that changes an issue's positions records the change in its own transaction, stamped with the recorded time
/// of its events (the time an as-of read compares with): a read as of a moment finds which issues changed between two
/// moments from these rows alone.
/// </summary>
public sealed class MeasureChangesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    [Fact]
    public async Task A_change_is_stamped_with_the_recorded_time_of_the_events_that_made_it()
    {
        var process = await _steps.OpenAsync("alpha", "beta");
        foreach (var state in new[] { "MEX", "THA" })
        {
            await _steps.Secretariat.EnsureStakeholderAsync(state, "MemberState");
            await _steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", state);
        }

        await _steps.StateAsync(process, "alpha", "MEX", 2);
        await _steps.StateAsync(process, "beta", "THA", -1);
        await _steps.ReviseAsync(process, "alpha", "MEX", 1, "2017-12-05");
        await _steps.WithdrawAsync(process, "beta", "THA", "2017-12-06");

        await using var session = api.Store.QuerySession();
        var schema = api.Store.Options.Events.DatabaseSchemaName;
        var events = await session.AdvancedSql.QueryAsync<string>(
            $"select split_part(stream_id, '/', 2) || ' ' || to_char(timestamp at time zone 'UTC', 'HH24:MI:SS.US') from {schema}.mt_events "
            + "where stream_id like ? and type like 'position_%' order by seq_id",
            CancellationToken.None,
            $"{process}/%");
        var changes = await session.AdvancedSql.QueryAsync<string>(
            $"select issue || ' ' || to_char(at at time zone 'UTC', 'HH24:MI:SS.US') from {MeasureChanges.QualifiedName(api.Store)} "
            + "where process = ? order by txid, at",
            CancellationToken.None,
            process);

        Assert.True(events.Count == 4, string.Join("\n", events));
        Assert.Equal(events, changes);
    }

    [Fact]
    public async Task Changes_of_unknown_time_make_every_issue_count_as_changed_between_any_two_moments()
    {
        var process = await _steps.OpenAsync("alpha");
        await _steps.Secretariat.EnsureStakeholderAsync("MEX", "MemberState");
        await _steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", "MEX");
        await _steps.StateAsync(process, "alpha", "MEX", 2);
        var stated = await PositionSteps.InstantAsync();

        Assert.Empty(await BetweenAsync(process, stated, stated.AddMinutes(1)));
        Assert.Equal(["alpha"], await BetweenAsync(process, stated.AddMinutes(-5), stated));

        // A row written before the store recorded the time of changes (an upgraded store): when it happened is unknown.
        await using (var session = api.Store.LightweightSession())
        {
            session.QueueSqlCommand($"insert into {MeasureChanges.QualifiedName(api.Store)} (process, issue) values (?, ?)", process, "alpha");
            await session.SaveChangesAsync();
        }

        Assert.Equal([MeasureChanges.Everything], await BetweenAsync(process, stated, stated.AddMinutes(1)));
    }

    private async Task<IReadOnlyList<string>> BetweenAsync(string process, DateTimeOffset after, DateTimeOffset upTo)
    {
        await using var session = api.Store.QuerySession();
        var batch = session.CreateBatchQuery();
        var changed = MeasureChanges.Between(batch, api.Store, process, after, upTo);
        await batch.Execute();
        return [.. (await changed()).Order(StringComparer.Ordinal)];
    }
}
