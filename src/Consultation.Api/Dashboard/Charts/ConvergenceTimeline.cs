using Consultation.Convergence.Measuring;
using Consultation.Dashboard.Moments;
using Consultation.Positions.Views;

namespace Consultation.Dashboard.Charts;

/// <summary>What the issue and area pages' timelines share: threshold lines, meeting labels, and the point for the moment shown.</summary>
public static class ConvergenceTimeline
{
    public static IReadOnlyList<Marker> ThresholdMarkers(ConvergenceThresholds thresholds) =>
    [
        new(thresholds.ConsensusGicn, $"consensus {Show.Gicn(thresholds.ConsensusGicn)}"),
        new(thresholds.BroadConvergenceGicn, $"broad {Show.Gicn(thresholds.BroadConvergenceGicn)}"),
        new(thresholds.EmergingGicn, $"emerging {Show.Gicn(thresholds.EmergingGicn)}"),
    ];

    /// <summary>A meeting's title short enough to sit under its point.</summary>
    public static string Label(string title) => title.Length > 28 ? title[..27] + "…" : title;

    public static string Text(ConvergenceLevel level, double? gicn) => $"{Show.Level(level)}, GICn {Show.Gicn(gicn)}";

    /// <summary>Says in words which axis a timeline's closes were measured on.</summary>
    public static string AxisNote(TimelineAxis axis) => axis == TimelineAxis.Recorded
        ? "Each close is what the record said when the meeting was closed in it (recorded time): entries made later are not shown."
        : "Each close is what had been said by the meeting's last day, as the record now knows it (stated timeline), however late it was entered.";

    /// <summary>The heading of the column that dates each close.</summary>
    public static string CloseHeading(TimelineAxis axis) => axis == TimelineAxis.Recorded ? "Closed in the record" : "Last day";

    /// <summary>When a close is, on the axis read.</summary>
    public static string CloseWhen(TimelineAxis axis, DateOnly endsOn, DateTimeOffset closedAt) =>
        axis == TimelineAxis.Recorded ? Show.Instant(closedAt) : Show.Day(endsOn);

    /// <summary>The page at a meeting's close on the axis the timeline was read on.</summary>
    public static string CloseLink(string path, string meeting, TimelineAxis axis) =>
        $"{path}?atClose={Uri.EscapeDataString(meeting)}" + (axis == TimelineAxis.Recorded ? $"&timeline={Moment.RecordedTimeline}" : string.Empty);

    /// <summary>
    /// The point for the moment the page shows, after the closes — none when that moment is a close already drawn, or on
    /// a stated day (a day is not a close, and the chart's closes are drawn in meeting order only).
    /// </summary>
    public static IEnumerable<TimelinePoint> MomentPoint(Moment moment, ConvergenceLevel level, double? gicn) =>
        moment.Kind is MomentKind.MeetingClose or MomentKind.StatedBy ? [] : [new TimelinePoint(moment.IsPast ? "The moment shown" : "Now", gicn, Text(level, gicn))];
}
