using System.Globalization;

namespace Consultation.Infrastructure.Validation;

/// <summary>Calendar dates in query strings: ISO 8601 <c>YYYY-MM-DD</c>, as in JSON bodies.</summary>
public static class IsoDates
{
    public const string Format = "yyyy-MM-dd";

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

    private static bool TryParse(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && IsWithinRecord(date);
}
