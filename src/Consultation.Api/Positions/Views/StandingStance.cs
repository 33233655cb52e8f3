namespace Consultation.Positions.Views;

/// <summary>What inheritance needs of a standing position: whose it is and when it was stated.</summary>
public interface IStandingRow
{
    string Stakeholder { get; }

    DateOnly StatedOn { get; }
}

/// <summary>
/// The few fields of a standing <see cref="PositionVersion"/> that convergence reads, selected in the database
/// (<c>Convergence.Measuring.StandingRows</c>): a process with tens of thousands of standing positions reads kilobytes per
/// issue instead of every row's whole document.
/// </summary>
public sealed class StandingStance : IStandingRow
{
    public string Issue { get; init; } = string.Empty;

    public string Stakeholder { get; init; } = string.Empty;

    public int Stance { get; init; }

    public string? Conditions { get; init; }

    public DateOnly StatedOn { get; init; }
}
