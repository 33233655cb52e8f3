using System.Globalization;
using System.Text.RegularExpressions;

namespace Consultation.Infrastructure.Validation;

/// <summary>
/// Calendar dates: ISO 8601 <c>YYYY-MM-DD</c> in query strings; in JSON bodies also a date-time with its offset, which
/// stands for the calendar date at that offset (<see cref="TryParseDayOf"/>).
/// </summary>
public static partial class IsoDates
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>What a date field of a body takes, as its parse errors say it.</summary>
    public const string BodyExpectation = "a date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDThh:mm:ss±hh:mm)";

    /// <summary>
    /// The span of dates the record takes, in bodies and query strings: a consultation's meetings, statements and positions
    /// fall within it, and a date outside it (year 9999, year 1) is a typing mistake or a probe, never a fact.
    /// </summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static readonly string SpanRule = $"must be a date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}";

    public static bool IsWithinRecord(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool IsDate(string? value) => TryParse(value, out _);

    public static DateOnly? ParseOptional(string? value) => TryParse(value, out var date) ? date : null;

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>An optional date parameter, when given, must be a real date written <c>YYYY-MM-DD</c>.</summary>
    public static IRuleBuilderOptions<T, string?> IsoDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || IsDate(value))
            .WithMessage($"'{{PropertyName}}' must be a date written YYYY-MM-DD (e.g. 2017-12-05), from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.");

    /// <summary>
    /// The calendar date a body's date field names: <c>2026-03-01</c> as written, or a date-time with an offset
    /// (<c>2026-03-01T23:30:00-05:00</c>, <c>…Z</c>) as the date on the clock at that offset (here 1 March, though it was
    /// already 2 March in UTC): what the person recording it saw. A date-time without an offset is refused, since its day
    /// depends on a time zone it does not name. Not checked against the record's span (<see cref="IsWithinRecord"/>).
    /// </summary>
    public static bool TryParseDayOf(string? text, out DateOnly day)
    {
        day = default;
        if (text is null)
        {
            return false;
        }

        if (DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return true;
        }

        if (!DateTimeWithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            return false;
        }

        day = DateOnly.FromDateTime(moment.DateTime);
        return true;
    }

    /// <summary>Whether the text is an ISO 8601 date-time with its offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
    public static bool HasOffset(string? text) => text is not null && DateTimeWithOffset().IsMatch(text);

    /// <summary>Whether the text is a date-time that only lacks its offset (said apart in the error: its day is ambiguous).</summary>
    public static bool LacksOffset(string? text) => text is not null && DateTimeWithoutOffset().IsMatch(text);

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeWithOffset();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeWithoutOffset();

    private static bool TryParse(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && IsWithinRecord(date);
}
