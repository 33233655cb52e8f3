namespace Consultation.Positions;

public static class PositionRules
{
    /// <summary>Revise, correct and withdraw apply only to a position that stands (stated and not withdrawn).</summary>
    public static void RequireStanding(Position current)
    {
        if (current.IsWithdrawn)
        {
            throw new DomainRuleViolation($"The position '{current.Id}' was withdrawn on {current.WithdrawnOn:yyyy-MM-dd}; state it again instead.");
        }
    }
}
