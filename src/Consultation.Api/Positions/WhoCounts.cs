namespace Consultation.Positions;

/// <summary>The entitlement (<see cref="Entitlement"/>) and attendance (<see cref="Attendance"/>) rules as each position write applies them.</summary>
public static class WhoCounts
{
    /// <summary>
    /// A new position: its holder is entitled on the stated-on date, and it or its speaker attended the cited meeting, or sent
    /// the cited submission (or it was sent on the holder's behalf) on <paramref name="issue"/>.
    /// </summary>
    public static void RequireForNew(this PositionFacts facts, string process, string issue, string holder, string? speaker, PositionContent content)
    {
        facts.RequireEntitled(process, content.StatedOn);
        if (content.Source.Submission is null)
        {
            facts.RequireAttended(holder, speaker);
        }
        else
        {
            facts.RequireSubmittedBy(issue, holder, speaker);
        }
    }

    /// <summary>
    /// A revision or correction is checked on what it changes: entitlement when the stated-on date changes, attendance when
    /// the cited meeting changes, the sender and issues when the cited submission changes (so a position recorded before
    /// these rules can still be corrected where it stands).
    /// </summary>
    public static void RequireForChange(this PositionFacts facts, Position current, PositionContent content)
    {
        if (content.StatedOn != current.Content?.StatedOn)
        {
            facts.RequireEntitled(current.Process, content.StatedOn);
        }

        if (content.Source.Meeting is not null && content.Source.Meeting != current.Content?.Source.Meeting)
        {
            facts.RequireAttended(current.Stakeholder, current.SpokenBy);
        }

        if (content.Source.Submission is not null && content.Source.Submission != current.Content?.Source.Submission)
        {
            facts.RequireSubmittedBy(current.Issue, current.Stakeholder, current.SpokenBy);
        }
    }
}
