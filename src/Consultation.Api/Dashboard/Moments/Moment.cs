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
}

/// <summary>
/// The recorded moment a page shows the record at: now, the close of a meeting (<c>atClose=</c>), the end of a day in
/// UTC (<c>on=</c>) or an exact timestamp (<c>asOf=</c>). Pages pass <see cref="AsOf"/> to the API's queries as their
/// <c>asOf</c>, say which moment it is in words, and carry <see cref="Query"/> along their links.
/// </summary>
public sealed record Moment(MomentKind Kind, DateTimeOffset? AsOf, string Description, string Query)
{
    public static readonly Moment Now = new(MomentKind.Now, null, "The record now", string.Empty);

    public bool IsPast => Kind != MomentKind.Now;

    /// <summary>The <c>asOf</c> query value of the API for this moment (null: now).</summary>
    public string? AsOfText => AsOf?.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The moment the query string names, or why it names none.</summary>
    public static (Moment? Moment, string? Problem) Resolve(string? asOf, string? on, string? atClose, IReadOnlyList<MeetingClose> closes)
    {
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

    /// <summary><paramref name="path"/> with this moment (and <paramref name="more"/> query parameters) on it.</summary>
    public string Link(string path, string? more = null)
    {
        var parts = new[] { Query, more }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }
}
