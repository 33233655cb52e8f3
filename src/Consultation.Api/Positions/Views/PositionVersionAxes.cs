namespace Consultation.Positions.Views;

/// <summary>The position versions table filtered on the two <see cref="TimeAxes"/>.</summary>
public static class PositionVersionAxes
{
    /// <summary>The rows of the versions table the record held at <see cref="TimeAxes.AsOf"/> (now when null).</summary>
    public static IQueryable<PositionVersion> RecordedAt(this IQueryable<PositionVersion> rows, DateTimeOffset? asOf)
    {
        if (asOf is { } at)
        {
            return rows.Where(x => x.RecordedAt <= at && (x.SupersededAt == null || x.SupersededAt > at));
        }

        return rows.Where(x => x.SupersededAt == null);
    }

    /// <summary>
    /// The standing version of each position on both axes: recorded by <c>asOf</c> and valid on <c>statedBy</c>
    /// (the open-ended latest version when <c>statedBy</c> is not given). The convergence reads write the same filters out
    /// in SQL (<c>Convergence.Measuring.StandingRows</c>): a change here belongs there too.
    /// </summary>
    public static IQueryable<PositionVersion> StandingAt(this IQueryable<PositionVersion> rows, TimeAxes axes)
    {
        rows = rows.RecordedAt(axes.AsOf);
        if (axes.StatedBy is { } on)
        {
            return rows.Where(x => x.StatedOn <= on && (x.ValidTo == null || x.ValidTo > on));
        }

        return rows.Where(x => x.ValidTo == null);
    }
}
