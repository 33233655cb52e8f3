namespace Consultation.Positions;

/// <summary>The five-point stance scale.</summary>
public static class Stances
{
    public const int Opposes = -2;
    public const int HasReservations = -1;
    public const int Neutral = 0;
    public const int Supports = 1;
    public const int StronglySupports = 2;

    public static bool IsValid(int stance) => stance is >= Opposes and <= StronglySupports;

    public static string Describe(int stance) => stance switch
    {
        Opposes => "opposes",
        HasReservations => "has reservations",
        Neutral => "neutral or undecided",
        Supports => "supports",
        StronglySupports => "strongly supports",
        _ => throw new ArgumentOutOfRangeException(nameof(stance), stance, "Stances run from -2 to +2."),
    };
}
