using Consultation.Convergence.Measuring;
using Consultation.Dashboard.Moments;

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

    /// <summary>
    /// The point for the moment the page shows, after the closes — none when that moment is a close already drawn, or on
    /// the stated timeline (the closes are recorded time; one chart does not mix the two).
    /// </summary>
    public static IEnumerable<TimelinePoint> MomentPoint(Moment moment, ConvergenceLevel level, double? gicn) =>
        moment.Kind is MomentKind.MeetingClose or MomentKind.StatedBy ? [] : [new TimelinePoint(moment.IsPast ? "The moment shown" : "Now", gicn, Text(level, gicn))];
}
