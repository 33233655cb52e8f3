using System.Globalization;
using FluentValidation;

namespace Consultation.Infrastructure.Validation;

/// <summary>Calendar dates in query strings: ISO 8601 <c>YYYY-MM-DD</c>, as in JSON bodies.</summary>
public static class IsoDates
{
    public const string Format = "yyyy-MM-dd";

    public static bool IsDate(string? value) => TryParse(value, out _);

    public static DateOnly? ParseOptional(string? value) => TryParse(value, out var date) ? date : null;

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>An optional date parameter, when given, must be a real date written <c>YYYY-MM-DD</c>.</summary>
    public static IRuleBuilderOptions<T, string?> IsoDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || IsDate(value))
            .WithMessage("'{PropertyName}' must be a date written YYYY-MM-DD (e.g. 2017-12-05).");

    private static bool TryParse(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
