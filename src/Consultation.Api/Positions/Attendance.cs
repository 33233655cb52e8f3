namespace Consultation.Positions;

/// <summary>
/// A position cited to a meeting was expressed there: the stakeholder, or the delegate who spoke for it (a group's
/// position names its speaker), is a registered participant of that meeting — as a statement's speaker must be.
/// </summary>
public static class Attendance
{
    /// <summary>
    /// <paramref name="holder"/> (whose position it is) or <paramref name="speaker"/> (who spoke for it, if someone did) is a
    /// registered participant of the cited meeting (<see cref="PositionFacts.Meeting"/>), else 409.
    /// </summary>
    public static void RequireAttended(this PositionFacts facts, string holder, string? speaker)
    {
        if (facts.Meeting is not { } meeting || meeting.Participants.Contains(holder) || (speaker is not null && meeting.Participants.Contains(speaker)))
        {
            return;
        }

        var who = speaker is null ? $"'{holder}' is not" : $"Neither '{speaker}' nor '{holder}', for whom it spoke, is";
        throw new DomainRuleViolation(
            $"{who} a registered participant of meeting '{meeting.Key}'; a position cited to a meeting was expressed there: register who attended before citing it.");
    }
}
