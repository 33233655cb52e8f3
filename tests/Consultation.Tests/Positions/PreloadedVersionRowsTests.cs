using Consultation.Positions;
using Consultation.Positions.Revising;
using Consultation.Positions.Views;
using Consultation.Positions.Writing;
using JasperFx;

namespace Consultation.Tests.Positions;

/// <summary>
/// An update reads the open rows of the versions table with its stream, before deciding. A write that commits in between
/// makes those rows stale: the save must still be refused as a concurrent write and write nothing.
/// </summary>
public sealed class PreloadedVersionRowsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_update_whose_rows_were_read_before_a_concurrent_write_is_refused_and_writes_nothing()
    {
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync("alpha");
        await steps.StateAsync(process, "alpha", "MEX", 1);
        var key = Position.KeyFor(process, "alpha", "MEX");

        await using var slow = api.Store.LightweightSession();
        var revision = new RevisePosition.Command(key, 1, new PositionChange
        {
            Stance = -1, Summary = "Too late", Meeting = "stocktaking-2017", StatedOn = new DateOnly(2017, 12, 5), Reason = "Read before the revision",
        });
        var (stream, _) = await new PositionWriteSession(TimeProvider.System).OpenToUpdateAsync(slow, revision, _ => new PositionSource("stocktaking-2017", null, null), CancellationToken.None);
        await steps.ReviseAsync(process, "alpha", "MEX", 2, "2017-12-05");
        var before = await api.CountEventsAsync();
        await using (var query = api.Store.QuerySession())
        {
            var rowsBefore = await query.Query<PositionVersion>().Where(x => x.PositionKey == key).CountAsync();
            stream.AppendOne(new PositionRevised(key, Position.From(stream.Aggregate!).Content! with { Stance = -1, Summary = "Too late" }, "Read before the revision"));

            await Assert.ThrowsAnyAsync<ConcurrencyException>(() => slow.SaveChangesAsync());

            Assert.Equal(before, await api.CountEventsAsync());
            Assert.Equal(rowsBefore, await query.Query<PositionVersion>().Where(x => x.PositionKey == key).CountAsync());
        }

        var current = await steps.GetOkAsync<PositionDetails>(PositionSteps.PositionUrl(process, "alpha", "MEX"));
        Assert.Equal((2, 2L), (current.Stance, current.Version));
    }
}
