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
/// The moment a page shows the record at. On recorded time: now, the close of a meeting (<c>atClose=</c>), the end of a
/// day in UTC (<c>on=</c>) or an exact timestamp (<c>asOf=</c>); pages pass <see cref="AsOf"/> to the API's queries as
/// their <c>asOf</c>. On the stated timeline (<c>on=</c> with <c>timeline=stated</c>, on pages whose API reads take
/// <c>statedBy</c>): <see cref="StatedBy"/>, what stakeholders had said by that day with later corrections applied. Pages
/// say which moment it is in words and carry <see cref="Query"/> along their links (a stated moment only to themselves:
/// <see cref="Link"/> leads to the record now).
/// </summary>
public sealed record Moment(MomentKind Kind, DateTimeOffset? AsOf, string Description, string Query, DateOnly? StatedBy = null)
{
    public const string StatedTimeline = "stated";

    public static readonly Moment Now = new(MomentKind.Now, null, "The record now", string.Empty);

    public bool IsPast => Kind != MomentKind.Now;

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
        if (!string.IsNullOrWhiteSpace(timeline) && timeline != "recorded")
        {
            if (timeline != StatedTimeline)
            {
                return (null, $"'{timeline}' is not a timeline: 'recorded' or 'stated'.");
            }

            if (!offersStatedTimeline)
            {
                return (null, "This page shows the record on recorded time only: the stated timeline is offered on issue pages.");
            }

            if (!string.IsNullOrWhiteSpace(asOf) || !string.IsNullOrWhiteSpace(atClose)
                || !DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var statedBy))
            {
                return (null, "The stated timeline takes a day (on=YYYY-MM-DD) and nothing else.");
            }

            return (new Moment(
                MomentKind.StatedBy,
                null,
                $"As stakeholders had stated it by the end of {statedBy:yyyy-MM-dd} (stated timeline: as the record now knows it, later corrections applied)",
                $"on={statedBy:yyyy-MM-dd}&timeline={StatedTimeline}",
                statedBy), null);
        }

        if (!string.IsNullOrWhiteSpace(atClose))
        {
            var close = closes.FirstOrDefault(c => c.Meeting == atClose);
            return close is null
                ? (null, $"Meeting '{atClose}' has not closed (or does not exist): pick one of the closed meetings.")
                : (new Moment(MomentKind.MeetingClose, close.ClosedAt, $"As the record stood at the close of {close.Title} ({Show.Instant(close.ClosedAt)})", $"atClose={Uri.EscapeDataString(close.Meeting)}"), null);
        }

        if (!string.IsNullOrWhiteSpace(on))
        {
            if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return (null, $"'{on}' is not a date (YYYY-MM-DD).");
            }

            var endOfDay = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-10);
            return (new Moment(MomentKind.EndOfDay, endOfDay, $"As the record stood at the end of {day:yyyy-MM-dd} (UTC)", $"on={day:yyyy-MM-dd}"), null);
        }

        if (!string.IsNullOrWhiteSpace(asOf))
        {
            return TimeAxes.ParseTimestamp(asOf) is { } at
                ? (new Moment(MomentKind.Timestamp, at, $"As the record stood at {Show.Instant(at)}", $"asOf={Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture))}"), null)
                : (null, $"'{asOf}' is not an ISO 8601 timestamp (e.g. 2017-12-05T14:30:00Z).");
        }

        return (Now, null);
    }

    /// <summary>
    /// <paramref name="path"/> with this moment (and <paramref name="more"/> query parameters) on it — for another page, so
    /// a stated moment, which only some pages answer, is left off (that page shows the record now, and says so).
    /// </summary>
    public string Link(string path, string? more = null) => With(path, Kind == MomentKind.StatedBy ? null : Query, more);

    /// <summary><paramref name="path"/>, a path of the page itself, with this moment, whichever timeline it is on.</summary>
    public string SelfLink(string path, string? more = null) => With(path, Query, more);

    private static string With(string path, string? query, string? more)
    {
        var parts = new[] { query, more }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }
}
