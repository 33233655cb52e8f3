using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Meetings.Statements;

/// <summary>What a statement's content obeys, recorded or corrected.</summary>
public static class StatementRules
{
    /// <summary>The speaker is a registered participant of the meeting.</summary>
    public static void RequireParticipant(Meeting meeting, string speaker)
    {
        if (!meeting.Participants.ContainsKey(speaker))
        {
            throw new DomainRuleViolation($"'{speaker}' is not a registered participant of meeting '{meeting.Id}'; register it before recording its statements.");
        }
    }

    /// <summary>
    /// A statement on behalf of <paramref name="onBehalfOf"/> names a group or bloc or an intergovernmental organization
    /// (<paramref name="group"/>, null when it does not exist), and the speaker (<paramref name="speaker"/>, its registry
    /// record) was a member of it on the day said.
    /// </summary>
    public static void RequireSpokenFor(string onBehalfOf, StakeholderDetails? group, string speakerKey, StakeholderDetails? speaker, DateOnly saidOn)
    {
        if (group is null)
        {
            throw new StreamNotFound("Stakeholder", onBehalfOf);
        }

        if (!group.Kind.HasMembers())
        {
            throw new DomainRuleViolation(
                $"'{group.Id}' is a {group.Kind}; statements are made on behalf of a group or bloc or an intergovernmental organization only.");
        }

        if (speaker is null || !speaker.Groups.Any(g => g.Group == group.Id && g.Covers(saidOn)))
        {
            throw new DomainRuleViolation(
                $"'{speakerKey}' was not a member of '{group.Id}' on {saidOn:yyyy-MM-dd}, the day the statement was said; "
                + "it speaks on behalf of a group only while a member of it (record its membership first if it was one).");
        }
    }

    /// <summary>The issues exist in the process; a retired one only if the statement already addressed it (<paramref name="already"/>).</summary>
    public static IReadOnlyList<string> RequireIssues(ProcessDetails process, IEnumerable<string> issues, IReadOnlyCollection<string> already)
    {
        var keys = issues.ToList();
        foreach (var key in keys)
        {
            var issue = process.Issue(key) ?? throw new StreamNotFound("Issue", $"{process.Id}/{key}");
            if (issue.Status == IssueStatus.Retired && !already.Contains(key))
            {
                throw new DomainRuleViolation($"Issue '{process.Id}/{key}' is retired; new statements cannot address it.");
            }
        }

        return keys;
    }
}
