using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Positions;

/// <summary>The meeting a position was expressed at, as far as the position rules care.</summary>
public sealed record SourceMeeting(string Key, string Process, DateOnly StartsOn, DateOnly EndsOn, bool Cancelled, IReadOnlySet<string> Statements)
{
    /// <summary>The stakeholders registered as participants (<see cref="Attendance"/>).</summary>
    public IReadOnlySet<string> Participants { get; init; } = new HashSet<string>();

    /// <summary>Those of <see cref="Statements"/> withdrawn from the record: kept by positions citing them, never newly cited.</summary>
    public IReadOnlySet<string> Withdrawn { get; init; } = new HashSet<string>();
}

/// <summary>
/// What the position rules need to know about other streams, loaded by the handler before deciding
/// (null = does not exist), so that the decisions stay pure.
/// </summary>
public sealed record PositionFacts(
    ProcessFacts? Process,
    StakeholderDetails? Stakeholder,
    StakeholderDetails? SpokenBy,
    SourceMeeting? Meeting)
{
    /// <summary>When the write is being recorded: no position is stated or withdrawn on a day that has not come (null only in rules tested without a clock).</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The written submission the position cites, when it cites one (null = none cited, or it does not exist).</summary>
    public SourceSubmission? Submission { get; init; }

    public ProcessFacts RequireProcess(string key)
    {
        var process = Process ?? throw new StreamNotFound("Process", key);
        return process.Status == ProcessStatus.Concluded
            ? throw new DomainRuleViolation($"Process '{key}' is concluded; it accepts no new positions.")
            : process;
    }

    /// <summary>Positions are taken only on open issues of an active process.</summary>
    public void RequireOpenIssue(string process, string issue)
    {
        if (!RequireProcess(process).Issues.TryGetValue(issue, out var status))
        {
            throw new StreamNotFound("Issue", $"{process}/{issue}");
        }

        if (status == IssueStatus.Retired)
        {
            throw new DomainRuleViolation($"Issue '{process}/{issue}' is retired; it keeps its positions but accepts no new ones.");
        }
    }

    /// <summary>
    /// A cited submission obeys <see cref="WrittenSource.RequireCitedSubmission"/>. The source meeting belongs to the process, was
    /// not cancelled, and the date falls within it; a statement cited is in the meeting's record and, unless it is the one
    /// already cited (<paramref name="keptSource"/>), not withdrawn.
    /// </summary>
    public void RequireSource(string process, PositionSource source, DateOnly on, string what, PositionSource? keptSource = null)
    {
        if (source.Submission is { } submission)
        {
            this.RequireCitedSubmission(process, submission, on, what, kept: keptSource?.Submission == submission);
            return;
        }

        var meeting = Meeting ?? throw new StreamNotFound("Meeting", source.Meeting ?? string.Empty);
        if (meeting.Process != process)
        {
            throw new DomainRuleViolation($"Meeting '{meeting.Key}' belongs to process '{meeting.Process}', not '{process}'.");
        }

        if (meeting.Cancelled)
        {
            throw new DomainRuleViolation($"Meeting '{meeting.Key}' was cancelled; nothing was said there.");
        }

        if (on < meeting.StartsOn || on > meeting.EndsOn)
        {
            throw new DomainRuleViolation(
                $"{what} ({on:yyyy-MM-dd}) must fall within meeting '{meeting.Key}' ({meeting.StartsOn:yyyy-MM-dd} to {meeting.EndsOn:yyyy-MM-dd}).");
        }

        if (Now is { } now)
        {
            PresentMoment.RequireReached(on, now, what);
        }

        if (source.Statement is not null && !meeting.Statements.Contains(source.Statement))
        {
            throw new StreamNotFound("Statement", $"{meeting.Key}/{source.Statement}");
        }

        if (source.Statement is { } statement && meeting.Withdrawn.Contains(statement)
            && !(keptSource is { } kept && kept.Meeting == source.Meeting && kept.Statement == statement))
        {
            throw new DomainRuleViolation(
                $"Statement '{meeting.Key}/{statement}' was withdrawn from the record; a position cannot newly cite it. Cite another statement, or the meeting alone.");
        }
    }
}
