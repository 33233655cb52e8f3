namespace Consultation.Processes;

/// <summary>Rules every change to a process obeys.</summary>
public static class ProcessRules
{
    /// <summary>A concluded process accepts nothing new.</summary>
    public static void EnsureActive(this Process process)
    {
        if (process.IsConcluded)
        {
            throw new DomainRuleViolation($"Process '{process.Id}' was concluded on {process.ConcludedOn:yyyy-MM-dd}; it accepts nothing new.");
        }
    }

    /// <summary>Nothing in a process is dated before it starts.</summary>
    public static void EnsureWithin(this Process process, DateOnly date, string what)
    {
        if (date < process.StartsOn)
        {
            throw new DomainRuleViolation($"{what} ({date:yyyy-MM-dd}) cannot be before process '{process.Id}' starts ({process.StartsOn:yyyy-MM-dd}).");
        }
    }

    /// <summary>
    /// What a source says of an active process is dated within it and on a day that has come: announcements, divergences,
    /// leadership notes.
    /// </summary>
    public static void EnsureNotable(this Process process, DateOnly date, DateTimeOffset now, string what)
    {
        process.EnsureActive();
        process.EnsureWithin(date, what);
        PresentMoment.RequireReached(date, now, what);
    }

    public static Process.IssueState ExistingIssue(this Process process, string issue) =>
        process.Issues.TryGetValue(issue, out var state) ? state : throw new StreamNotFound("Issue", $"{process.Id}/{issue}");

    public static Process.IssueState OpenIssue(this Process process, string issue)
    {
        var state = process.ExistingIssue(issue);
        return state.Retired
            ? throw new DomainRuleViolation($"Issue '{process.Id}/{issue}' is retired; it keeps its history but accepts no changes.")
            : state;
    }
}
