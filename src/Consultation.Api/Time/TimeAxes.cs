using System.Globalization;

namespace Consultation.Time;

/// <summary>
/// The two as-of axes of the record, which every view that reads it as of a moment accepts.
/// <list type="bullet">
/// <item><b><c>asOf</c></b> — recorded (transaction) time, an ISO 8601 timestamp: what the record said at that moment.
/// Only events recorded at or before it count; corrections recorded later are not applied.</item>
/// <item><b><c>statedBy</c></b> — valid time, a date (<c>YYYY-MM-DD</c>, or a date-time with offset standing for its date there): what stakeholders had said by that date, as we
/// know it now. Corrections recorded later are applied (a correction replaces the content of the version it corrects,
/// its stated-on date included); a revision starts a new version from its stated-on date; a withdrawal ends the
/// position on its withdrawal date (exclusive); a re-statement after a withdrawal starts again.</item>
/// <item><b>Both</b> — the events recorded by <c>asOf</c>, evaluated at <c>statedBy</c>.</item>
/// <item><b>Neither</b> — the record now: each position's latest version, unless withdrawn.</item>
/// </list>
/// </summary>
public sealed record TimeAxes(DateTimeOffset? AsOf, DateOnly? StatedBy)
{
    public static readonly TimeAxes Now = new(null, null);

    public static TimeAxes Parse(string? asOf, string? statedBy) => new(ParseTimestamp(asOf), IsoDates.ParseOptional(statedBy));

    /// <summary>
    /// An ISO 8601 timestamp; without an offset it is taken as UTC. A '+' in an offset that arrived as a space
    /// (an unencoded query string) is read as '+'.
    /// </summary>
    public static DateTimeOffset? ParseTimestamp(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim().Replace(' ', '+');
        return text.Length >= 10 && text[4] == '-' && DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var parsed)
            ? parsed
            : null;
    }

    public static bool IsTimestamp(string? value) => string.IsNullOrWhiteSpace(value) || ParseTimestamp(value) is not null;
}

/// <summary>Validation of <see cref="TimeAxes"/> parameters.</summary>
public static class TimeAxesRules
{
    public static IRuleBuilderOptions<T, string?> AsOfTimestamp<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(TimeAxes.IsTimestamp)
            .WithMessage("'{PropertyName}' must be an ISO 8601 timestamp (e.g. 2017-12-05T14:30:00Z).");
}
