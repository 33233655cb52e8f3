namespace Consultation.Convergence.Areas;

/// <summary>
/// Where a facilitator's claim stands. Identified → Affirmed (at each later meeting) → ConfirmedInText
/// (in one or more draft texts); Dissolved from any of them, and final.
/// </summary>
public enum AreaStatus
{
    Identified,
    Affirmed,
    ConfirmedInText,
    Dissolved,
}
