using System.Globalization;

namespace Consultation.Meetings;

/// <summary>
/// When an entry is being recorded (<see cref="Now"/>, from the injected <see cref="TimeProvider"/>) and how long after
/// a meeting's close late entries are still accepted (<see cref="Grace"/>, setting <c>Meetings:LateEntryGraceDays</c>).
/// Passed into the pure Decide functions so the rules never read the clock themselves.
/// </summary>
public sealed record RecordingWindow(DateTimeOffset Now, TimeSpan Grace)
{
    public const string GraceDaysSetting = "Meetings:LateEntryGraceDays";
    public const int DefaultGraceDays = 14;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The window as configured: now, and the grace period in whole days (default 14; 0 accepts no late entries).</summary>
    public static RecordingWindow From(TimeProvider time, IConfiguration configuration) => new(time.GetUtcNow(), GraceFrom(configuration));

    public static TimeSpan GraceFrom(IConfiguration configuration)
    {
        var configured = configuration[GraceDaysSetting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return TimeSpan.FromDays(DefaultGraceDays);
        }

        return int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            ? TimeSpan.FromDays(days)
            : throw new InvalidOperationException($"Setting '{GraceDaysSetting}' must be a whole number of days (0 or more); it is '{configured}'.");
    }
}
