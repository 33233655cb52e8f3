namespace Consultation.Positions;

/// <summary>The entitlement (<see cref="Entitlement"/>) and attendance (<see cref="Attendance"/>) rules as each position write applies them.</summary>
public static class WhoCounts
{
    /// <summary>A new position: its holder is entitled on the stated-on date, and it or its speaker attended the cited meeting.</summary>
    public static void RequireForNew(this PositionFacts facts, string process, string holder, string? speaker, PositionContent content)
    {
        facts.RequireEntitled(process, content.StatedOn);
        facts.RequireAttended(holder, speaker);
    }

    /// <summary>
    /// A revision or correction is checked on what it changes: entitlement when the stated-on date changes, attendance when
    /// the cited meeting changes (so a position recorded before these rules can still be corrected where it stands).
    /// </summary>
    public static void RequireForChange(this PositionFacts facts, Position current, PositionContent content)
    {
        if (content.StatedOn != current.Content?.StatedOn)
        {
            facts.RequireEntitled(current.Process, content.StatedOn);
        }

        if (content.Source.Meeting != current.Content?.Source.Meeting)
        {
            facts.RequireAttended(current.Stakeholder, current.SpokenBy);
        }
    }
}
