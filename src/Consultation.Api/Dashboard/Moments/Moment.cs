using System.Globalization;
using Consultation.Convergence.Summaries;
using Consultation.Positions.Views;

namespace Consultation.Dashboard.Moments;

public enum MomentKind
{
    Now,
    MeetingClose,
    EndOfDay,
    Timestamp,

    /// <summary>Valid time: what stakeholders had stated by the end of a day, as the record now knows it (<c>statedBy</c>).</summary>
    StatedBy,
}

/// <summary>
/// The moment a page shows the record at. The close of a meeting (<c>atClose=</c>) is on the stated timeline by default,
/// on pages whose API reads take <c>statedBy</c> (<see cref="TimelineAxis"/>): what had been said by the meeting's last
/// day, as the record now knows it; with <c>timeline=recorded</c> (and on pages that offer only recorded time), what the
/// record said when the meeting was closed in it. On recorded time too: now, the end of a day in UTC (<c>on=</c>) or an
/// exact timestamp (<c>asOf=</c>); pages pass <see cref="AsOf"/> to the API's queries as their <c>asOf</c>. On the stated
/// timeline a day (<c>on=</c> with <c>timeline=stated</c>): <see cref="StatedBy"/>. Pages say which moment and which
/// axis in words and carry <see cref="Query"/> along their links (a stated day only to themselves: <see cref="Link"/>
/// leads to the record now).
/// </summary>
public sealed record Moment(MomentKind Kind, DateTimeOffset? AsOf, string Description, string Query, DateOnly? StatedBy = null, string? Meeting = null)
{
    public const string StatedTimeline = "stated";

    public const string RecordedTimeline = "recorded";

    public static readonly Moment Now = new(MomentKind.Now, null, "The record now", string.Empty);

    public bool IsPast => Kind != MomentKind.Now;

    /// <summary>The axis the moment is read on; null for now.</summary>
    public TimelineAxis? Axis => Kind == MomentKind.Now ? null : StatedBy is null ? TimelineAxis.Recorded : TimelineAxis.Stated;

    /// <summary>The axis the page's timelines are read on: the moment's, stated for now.</summary>
    public string TimelineAxisText => (Axis ?? TimelineAxis.Stated).ToString();

    /// <summary>The <c>asOf</c> query value of the API for this moment (null: now).</summary>
    public string? AsOfText => AsOf?.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The <c>statedBy</c> query value of the API for this moment (null: not on the stated timeline).</summary>
    public string? StatedByText => StatedBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The query string's fields, for forms that keep the moment as hidden inputs.</summary>
    public IReadOnlyList<(string Name, string Value)> Fields =>
    [
        .. Query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Select(pair => (pair[0], pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : string.Empty)),
    ];

    /// <summary>The moment the query string names, or why it names none.</summary>
    public static (Moment? Moment, string? Problem) Resolve(
        string? asOf, string? on, string? atClose, string? timeline, IReadOnlyList<MeetingClose> closes, bool offersStatedTimeline = false)
    {
        if (!string.IsNullOrWhiteSpace(timeline) && timeline != RecordedTimeline && timeline != StatedTimeline)
        {
            return (null, $"'{timeline}' is not a timeline: 'recorded' or 'stated'.");
        }

        if (timeline == StatedTimeline && !offersStatedTimeline)
        {
            return (null, "This page shows the record on recorded time only: the stated timeline is offered on the process, area, issue and stakeholder pages.");
        }

        if (!string.IsNullOrWhiteSpace(atClose))
        {
            if (!string.IsNullOrWhiteSpace(asOf) || !string.IsNullOrWhiteSpace(on))
            {
                return (null, "Give one moment: a meeting's close (atClose), a day (on) or a timestamp (asOf).");
            }

            var close = closes.FirstOrDefault(c => c.Meeting == atClose);
            if (close is null)
            {
                return (null, $"Meeting '{atClose}' has not closed (or does not exist): pick one of the closed meetings.");
            }

            var meeting = Uri.EscapeDataString(close.Meeting);
            return offersStatedTimeline && timeline != RecordedTimeline
                ? (new Moment(
                    MomentKind.MeetingClose,
                    null,
                    $"What had been said by the close of {close.Title} (its last day, {close.EndsOn:yyyy-MM-dd}), as the record now knows it (stated timeline)",
                    $"atClose={meeting}",
                    close.EndsOn,
                    close.Meeting), null)
                : (new Moment(
                    MomentKind.MeetingClose,
                    close.ClosedAt,
                    $"What the record said when {close.Title} was closed in it ({Show.Instant(close.ClosedAt)}; recorded time: entries made later are not shown)",
                    $"atClose={meeting}&timeline={RecordedTimeline}",
                    null,
                    close.Meeting), null);
        }

        if (timeline == StatedTimeline)
        {
            if (!string.IsNullOrWhiteSpace(asOf)
                || !IsoDates.TryParseQueryDate(on, out var statedBy))
            {
                return (null, $"The stated timeline takes a day (on: {IsoDates.Expectation}) or a meeting's close (atClose), nothing else.");
            }

            return (new Moment(
                MomentKind.StatedBy,
                null,
                $"As stakeholders had stated it by the end of {statedBy:yyyy-MM-dd} (stated timeline: as the record now knows it, later corrections applied)",
                $"on={statedBy:yyyy-MM-dd}&timeline={StatedTimeline}",
                statedBy), null);
        }

        if (!string.IsNullOrWhiteSpace(on))
        {
            if (!IsoDates.TryParseQueryDate(on, out var day))
            {
                return (null, $"'on' must be {IsoDates.ExpectationFor(on)}; got '{JsonExcerpt.Of(on)}'.");
            }

            var endOfDay = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-10);
            return (new Moment(MomentKind.EndOfDay, endOfDay, $"As the record stood at the end of {day:yyyy-MM-dd} (UTC; recorded time)", $"on={day:yyyy-MM-dd}"), null);
        }

        if (!string.IsNullOrWhiteSpace(asOf))
        {
            return TimeAxes.ParseTimestamp(asOf) is { } at
                ? (new Moment(MomentKind.Timestamp, at, $"As the record stood at {Show.Instant(at)} (recorded time)", $"asOf={Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture))}"), null)
                : (null, $"'{asOf}' is not an ISO 8601 timestamp (e.g. 2017-12-05T14:30:00Z).");
        }

        return (Now, null);
    }

    /// <summary>
    /// <paramref name="path"/> with this moment (and <paramref name="more"/> query parameters) on it — for another page, so
    /// a stated day, which only some pages answer, is left off (that page shows the record now, and says so); a meeting's
    /// close goes on (a page that offers only recorded time reads a stated close there, and says so).
    /// </summary>
    public string Link(string path, string? more = null) => With(path, Kind == MomentKind.StatedBy ? null : Query, more);

    /// <summary>
    /// The same meeting's close on the other axis (<paramref name="path"/>, a path of the page itself): the switch between
    /// "what had been said by then" and "what the record said at that moment". Null when the moment is not a close.
    /// </summary>
    public string? OtherAxisLink(string path, string? more = null) => Kind != MomentKind.MeetingClose
        ? null
        : With(path, Axis == TimelineAxis.Stated ? $"atClose={Uri.EscapeDataString(Meeting!)}&timeline={RecordedTimeline}" : $"atClose={Uri.EscapeDataString(Meeting!)}", more);

    /// <summary><paramref name="path"/>, a path of the page itself, with this moment, whichever timeline it is on.</summary>
    public string SelfLink(string path, string? more = null) => With(path, Query, more);

    private static string With(string path, string? query, string? more)
    {
        var parts = new[] { query, more }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }
}
