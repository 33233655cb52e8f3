using Consultation.Audit.Replaying;

namespace Consultation.Tests.Audit.Replaying;

/// <summary>Resolving a sequence to a recorded moment, over rows as <c>mt_events</c> holds them (sequence, timestamp).</summary>
public sealed class SequenceMomentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static (long, DateTimeOffset) Row(long sequence, int microseconds) => (sequence, T0.AddTicks(microseconds * 10L));

    [Fact]
    public void In_order_events_resolve_to_the_events_own_time()
    {
        var moment = SequenceMoments.Resolve(2, 3, [Row(1, 10), Row(2, 20), Row(3, 30)]);

        Assert.Equal(new SequenceMoment.Exact(2, T0.AddTicks(200)), moment);
    }

    [Fact]
    public void An_earlier_event_recorded_later_moves_the_moment_to_its_time()
    {
        // 4 was saved (timestamped) after 5 by a concurrent writer, but both before 6.
        var moment = SequenceMoments.Resolve(5, 6, [Row(4, 50), Row(5, 40), Row(6, 60)]);

        Assert.Equal(new SequenceMoment.Exact(5, T0.AddTicks(500)), moment);
    }

    [Fact]
    public void A_later_event_recorded_by_then_makes_the_sequence_inseparable_and_names_the_nearest_that_are_not()
    {
        // 6 was recorded before 5 and 7 at the same microsecond as 5: no moment holds 1..5 and nothing else; 4 and 7 are fine.
        var rows = new[] { Row(3, 10), Row(4, 20), Row(5, 40), Row(6, 30), Row(7, 40), Row(8, 50) };

        var moment = Assert.IsType<SequenceMoment.Inseparable>(SequenceMoments.Resolve(5, 8, rows));

        Assert.Equal([6L, 7L], moment.Conflicting);
        Assert.Equal(4, moment.NearestBefore);
        Assert.Equal(7, moment.NearestAfter);
        Assert.IsType<SequenceMoment.Exact>(SequenceMoments.Resolve(7, 8, rows));
    }

    [Fact]
    public void A_gap_in_the_sequence_resolves_to_the_last_event_before_it()
    {
        Assert.Equal(new SequenceMoment.Exact(6, T0.AddTicks(200)), SequenceMoments.Resolve(6, 9, [Row(2, 20), Row(9, 30)]));
    }
}
