namespace Consultation.Positions.Views;

/// <summary>
/// Which time a moment "at the close of a meeting" is read on (timelines, movers, the pages' replay).
/// <list type="bullet">
/// <item><b>Stated</b> (the default): what had been said by the meeting's last day (<c>statedBy = endsOn</c>), as the
/// record knows it now (or at <c>asOf</c>) — a record entered after the meeting shows at the meeting it happened at.</item>
/// <item><b>Recorded</b> (<c>axis=recorded</c>): what the record said at the moment the meeting was closed in it
/// (<c>asOf = closedAt</c>) — nothing entered later, however early it was said.</item>
/// </list>
/// </summary>
public enum TimelineAxis
{
    Stated,
    Recorded,
}

public static class TimelineAxisRules
{
    public const string Parameter = "axis";

    public const string Description =
        "axis: Stated (default) measures each meeting's close at statedBy = the meeting's last day, as the record knows it now (or at asOf); "
        + "Recorded measures at asOf = the moment the meeting was closed in the record (entries made later are not shown).";

    public static TimelineAxis Parse(string? value) => TextRules.ParseOptionalEnum<TimelineAxis>(value) ?? TimelineAxis.Stated;

    public static IRuleBuilderOptions<T, string?> TimelineAxisName<T>(this IRuleBuilder<T, string?> rule) => rule.OneOf<T, TimelineAxis>();

    /// <summary>Refuses <c>axis=Recorded</c> beside <c>statedBy</c>: closes read as recorded cannot be read as stated by a day.</summary>
    public static IRuleBuilderOptions<T, string?> NotRecordedWithStatedBy<T>(this IRuleBuilder<T, string?> rule, Func<T, string?> statedBy) =>
        rule.Must(axis => Parse(axis) != TimelineAxis.Recorded)
            .When(x => !string.IsNullOrWhiteSpace(statedBy(x)))
            .WithMessage("'axis=Recorded' reads meeting closes as recorded; with 'statedBy' give the stated axis (the default) or leave 'statedBy' out.");
}
