using System.Globalization;
using System.Text.RegularExpressions;

namespace Consultation.Infrastructure.Validation;

/// <summary>
/// Calendar dates, in JSON bodies and query strings alike: ISO 8601 <c>YYYY-MM-DD</c>, or a date-time with its offset,
/// which stands for the calendar date at that offset (<see cref="TryParseDayOf"/>), within the record's span.
/// </summary>
public static partial class IsoDates
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>What a date of a body or a query string takes, as its errors say it.</summary>
    public const string Expectation = "a date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDThh:mm:ss±hh:mm)";

    /// <summary>Added to the error when what came is a date-time without its offset.</summary>
    public const string OffsetHint = "a date-time needs its offset (Z for UTC), since its day depends on it";

    /// <summary>The form <see cref="TryParseDayOf"/> takes, as a JSON Schema pattern (the OpenAPI document's).</summary>
    public const string Pattern = @"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$";

    /// <summary>
    /// The span of dates the record takes, in bodies and query strings: a consultation's meetings, statements and positions
    /// fall within it, and a date outside it (year 9999, year 1) is a typing mistake or a probe, never a fact.
    /// </summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static readonly string SpanRule = $"must be a date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}";

    public static bool IsWithinRecord(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>Whether a query string's date is one (<see cref="TryParseQueryDate"/>).</summary>
    public static bool IsDate(string? value) => TryParseQueryDate(value, out _);

    /// <summary>A query string's optional date, validated before (<see cref="IsoDate{T}"/>): null when not given.</summary>
    public static DateOnly? ParseOptional(string? value) => TryParseQueryDate(value, out var date) ? date : null;

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// An optional date of a query string, when given, must be one as a body's date is (<see cref="TryParseQueryDate"/>);
    /// refused, the error names the parameter, says the form and quotes an excerpt of what came (<see cref="QueryDateValidator{T}"/>).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> IsoDate<T>(this IRuleBuilder<T, string?> rule) => rule.SetValidator(new QueryDateValidator<T>());

    /// <summary>
    /// The calendar date a query string names, by the rule of bodies (<see cref="TryParseDayOf"/>) and within the record's
    /// span. A space before the offset is read as '+': an unencoded '+' in a URL arrives as a space (as for <c>asOf</c>).
    /// </summary>
    public static bool TryParseQueryDate(string? text, out DateOnly date)
    {
        date = default;
        return text is not null && TryParseDayOf(text.Replace(' ', '+'), out date) && IsWithinRecord(date);
    }

    /// <summary>What a refused date of a query string should have been, with the offset hint when only that was missing.</summary>
    public static string ExpectationFor(string? text) =>
        LacksOffset(text) ? $"{Expectation}, from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}: {OffsetHint}" : $"{Expectation}, from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}";

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
}
