using Consultation.Meetings;
using Consultation.Processes;

namespace Consultation.Convergence.Areas;

/// <summary>Rules every change to an area of convergence obeys.</summary>
public static class AreaRules
{
    /// <summary>
    /// An area changes only while its process is active and it has not been dissolved.
    /// </summary>
    public static void EnsureChangeable(this Area area, ProcessDetails process)
    {
        process.EnsureActiveForAreas();
        if (area.Status == AreaStatus.Dissolved)
        {
            throw new DomainRuleViolation($"Area '{area.Id}' was dissolved; it keeps its history but accepts nothing more.");
        }
    }

    /// <summary>Nothing about areas is recorded after the process concluded.</summary>
    public static void EnsureActiveForAreas(this ProcessDetails process)
    {
        if (process.Status == ProcessStatus.Concluded)
        {
            throw new DomainRuleViolation(
                $"Process '{process.Id}' was concluded on {process.ConcludedOn:yyyy-MM-dd}; its areas of convergence accept nothing more.");
        }
    }

    /// <summary>An issue an area covers exists in the process (404) and is open (409).</summary>
    public static IssueDetails OpenIssue(this ProcessDetails process, string issue)
    {
        var details = process.ExistingIssue(issue);
        return details.Status == IssueStatus.Retired
            ? throw new DomainRuleViolation($"Issue '{process.Id}/{issue}' is retired; an area of convergence cannot cover it.")
            : details;
    }

    public static IssueDetails ExistingIssue(this ProcessDetails process, string issue) =>
        process.Issue(issue) ?? throw new StreamNotFound("Issue", $"{process.Id}/{issue}");

    /// <summary>
    /// The meeting an area is identified or affirmed at: it exists (404, checked by the caller loading it), belongs to the
    /// process, was not cancelled, and <paramref name="on"/> falls within its dates.
    /// </summary>
    public static MeetingDetails EnsureHeldOn(this MeetingDetails? meeting, string process, string slug, DateOnly on, string what)
    {
        if (meeting is null || meeting.Process != process)
        {
            throw new StreamNotFound("Meeting", Meeting.KeyOf(process, slug));
        }

        if (meeting.Status == MeetingStatus.Cancelled)
        {
            throw new DomainRuleViolation($"Meeting '{meeting.Id}' was cancelled; no area can be {what} at it.");
        }

        if (on < meeting.StartsOn || on > meeting.EndsOn)
        {
            throw new DomainRuleViolation(
                $"Meeting '{meeting.Id}' runs from {meeting.StartsOn:yyyy-MM-dd} to {meeting.EndsOn:yyyy-MM-dd}; an area cannot be {what} at it on {on:yyyy-MM-dd}.");
        }

        return meeting;
    }

    /// <summary>Dates recorded on an area come after its identification.</summary>
    public static void EnsureNotBeforeIdentified(this Area area, DateOnly on, string what)
    {
        if (on < area.IdentifiedOn)
        {
            throw new DomainRuleViolation(
                $"Area '{area.Id}' was identified on {area.IdentifiedOn:yyyy-MM-dd}; it cannot be {what} on {on:yyyy-MM-dd}.");
        }
    }
}
