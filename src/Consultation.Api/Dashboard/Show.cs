using System.Globalization;
using Consultation.Convergence.Measuring;

namespace Consultation.Dashboard;

/// <summary>How numbers, stances and levels read on the pages (invariant culture, so they match the API's values).</summary>
public static class Show
{
    public static string Gicn(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    public static string Share(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Signed(int stance) => stance > 0 ? $"+{stance}" : stance.ToString(CultureInfo.InvariantCulture);

    public static string Stance(int stance) => stance switch
    {
        -2 => "Opposes",
        -1 => "Has reservations",
        0 => "Neutral",
        1 => "Supports",
        2 => "Strongly supports",
        _ => stance.ToString(CultureInfo.InvariantCulture),
    };

    public static string StanceClass(int stance) => stance switch
    {
        < 0 => $"stance-m{-stance}",
        0 => "stance-0",
        _ => $"stance-p{stance}",
    };

    public static string Level(ConvergenceLevel level) => level switch
    {
        ConvergenceLevel.Consensus => "Consensus",
        ConvergenceLevel.BroadConvergence => "Broad convergence",
        ConvergenceLevel.Emerging => "Emerging",
        ConvergenceLevel.Divergent => "Divergent",
        _ => "Insufficient data",
    };
}
