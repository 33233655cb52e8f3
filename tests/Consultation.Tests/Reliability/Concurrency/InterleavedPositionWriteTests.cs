using Consultation.Positions;
using JasperFx;

namespace Consultation.Tests.Reliability.Concurrency;

/// <summary>
/// The interleaving the soak found, made deterministic: a write reads a position, another write to it commits, then
/// the first saves. The first must be refused as a concurrent write (HTTP 412/409), not fail inside the projection of
/// position versions (it answered 500), and must write nothing.
/// </summary>
public sealed class InterleavedPositionWriteTests(ReliabilityApiFactory api) : IClassFixture<ReliabilityApiFactory>
{
    [Fact]
    public async Task A_revision_saved_after_a_concurrent_withdrawal_is_refused_as_a_concurrent_write_and_writes_nothing()
    {
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync("alpha");
        await steps.StateAsync(process, "alpha", "MEX", 1);
        var key = Position.KeyFor(process, "alpha", "MEX");

        await using var slow = api.Store.LightweightSession();
        var stream = await slow.Events.FetchForWriting<Position>(key);
        await steps.WithdrawAsync(process, "alpha", "MEX", "2017-12-05");
        var before = await api.CountEventsAsync();
        stream.AppendOne(new PositionRevised(key, stream.Aggregate!.Content! with { Stance = -1, Summary = "Too late" }, "Read before the withdrawal"));

        await Assert.ThrowsAsync<ConcurrencyException>(() => slow.SaveChangesAsync());

        Assert.Equal(before, await api.CountEventsAsync());
        var current = await steps.GetOkAsync<PositionDetails>(PositionSteps.PositionUrl(process, "alpha", "MEX"));
        Assert.Equal((PositionStatus.Withdrawn, 2L), (current.Status, current.Version));
    }
}
