namespace Consultation.Infrastructure.Validation;

/// <summary>
/// Nothing is recorded as said or done after the present moment. Dates are calendar days where it happened, so a date
/// up to <see cref="ToleranceDays"/> after today in UTC is accepted (it is already that day east of Greenwich).
/// </summary>
public static class PresentMoment
{
    public const int ToleranceDays = 1;

    /// <summary>The latest calendar day anywhere on Earth at <paramref name="now"/>.</summary>
    public static DateOnly LatestDay(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(ToleranceDays);

    /// <summary>Refuses (409) <paramref name="day"/> when it has not come yet anywhere; <paramref name="what"/> names the date.</summary>
    public static void RequireReached(DateOnly day, DateTimeOffset now, string what)
    {
        if (day > LatestDay(now))
        {
            throw new DomainRuleViolation(
                $"{what} ({day:yyyy-MM-dd}) has not come yet: today is {DateOnly.FromDateTime(now.UtcDateTime):yyyy-MM-dd} (UTC; up to {ToleranceDays} day ahead is accepted for time zones). Nothing is recorded before it happens.");
        }
    }
}
