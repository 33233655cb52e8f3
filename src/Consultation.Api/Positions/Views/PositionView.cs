using Consultation.Stakeholders;

namespace Consultation.Positions.Views;

/// <summary>
/// A standing position as a view shows it: own or inherited, with both timelines. <see cref="Version"/>,
/// <see cref="LastChange"/> and <see cref="RecordedAt"/> describe the event that produced the content shown (on the stated
/// axis, a version a later revision ended still names its own statement or correction, not that revision).
/// </summary>
public sealed record PositionView(
    string Process,
    string Issue,
    string Stakeholder,
    bool Inherited,
    string? InheritedFrom,
    DateOnly? InheritedSince,
    string? SpokenBy,
    int Stance,
    string? Conditions,
    string Summary,
    string? Meeting,
    string? Submission,
    DateOnly StatedOn,
    DateOnly? ValidTo,
    long Version,
    PositionChangeKind LastChange,
    DateTimeOffset RecordedAt)
{
    public static PositionView From(EffectiveRow effective) => new(
        effective.Row.Process,
        effective.Row.Issue,
        effective.Stakeholder,
        effective.Inherited,
        effective.InheritedFrom,
        effective.InheritedSince,
        effective.Row.SpokenBy,
        effective.Row.Stance,
        effective.Row.Conditions,
        effective.Row.Summary,
        effective.Row.Meeting,
        effective.Row.Submission,
        effective.Row.StatedOn,
        effective.Row.ValidTo,
        effective.Row.ContentVersion > 0 ? effective.Row.ContentVersion : effective.Row.Version,
        effective.Row.ContentVersion > 0 ? effective.Row.ContentKind : effective.Row.Kind,
        effective.Row.ContentVersion > 0 ? effective.Row.ContentRecordedAt : effective.Row.RecordedAt);
}

/// <summary>Shared query-string rules of the position views.</summary>
public static class PositionViewRules
{
    public const string AxesDescription =
        "asOf (recorded time, ISO 8601 timestamp, e.g. 2017-12-05T14:30:00Z): what the record said then — later corrections not applied. "
        + "statedBy (valid time, a date): what stakeholders had said by that date, as known now — later corrections applied, "
        + "withdrawals end a position on their date. Both together: the record as of asOf, evaluated at statedBy.";

    public static IReadOnlyDictionary<string, StakeholderDetails> ById(this IEnumerable<StakeholderDetails> stakeholders) =>
        stakeholders.DistinctBy(s => s.Id).ToDictionary(s => s.Id, StringComparer.Ordinal);
}
