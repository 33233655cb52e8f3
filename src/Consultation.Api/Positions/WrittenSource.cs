using Consultation.Submissions;

namespace Consultation.Positions;

/// <summary>The written submission a position cites, as far as the position rules care (as it stands, corrections applied).</summary>
public sealed record SourceSubmission(string Key, string Process, string From, string? OnBehalfOf, DateOnly ReceivedOn, IReadOnlySet<string> Issues, bool Withdrawn)
{
    public static SourceSubmission Of(SubmissionDetails d) =>
        new(d.Id, d.Process, d.From, d.OnBehalfOf, d.ReceivedOn, d.Issues.ToHashSet(StringComparer.Ordinal), d.Withdrawn);
}

/// <summary>
/// A position may cite a written submission instead of a meeting: what the stakeholder said in writing. The meeting's rules
/// (attendance, statements, the meeting's dates, cancellation) do not apply to it; these do.
/// </summary>
public static class WrittenSource
{
    /// <summary>
    /// The cited submission (<see cref="PositionFacts.Submission"/>) exists in the process and, unless it is the one already cited
    /// (<paramref name="kept"/>), is not withdrawn; the date (<paramref name="on"/>, stated-on or withdrawn-on) is the day it was
    /// received or earlier — a position is dated when it was expressed, and a submission can only carry what was expressed by the
    /// day it arrived — but not before the process began, and has come.
    /// </summary>
    public static void RequireCitedSubmission(this PositionFacts facts, string process, string submission, DateOnly on, string what, bool kept)
    {
        var cited = facts.Submission ?? throw new StreamNotFound("Submission", Submission.KeyOf(process, submission));
        if (cited.Process != process)
        {
            throw new DomainRuleViolation($"Submission '{cited.Key}' belongs to process '{cited.Process}', not '{process}'.");
        }

        if (cited.Withdrawn && !kept)
        {
            throw new DomainRuleViolation(
                $"Submission '{cited.Key}' was withdrawn from the record; a position cannot newly cite it. Cite another submission or a meeting.");
        }

        if (on > cited.ReceivedOn)
        {
            throw new DomainRuleViolation(
                $"{what} ({on:yyyy-MM-dd}) cannot be after submission '{cited.Key}' was received ({cited.ReceivedOn:yyyy-MM-dd}): a position cited to a submission was expressed in it, by the day it arrived.");
        }

        if (facts.Process is { } p && on < p.StartsOn)
        {
            throw new DomainRuleViolation($"{what} ({on:yyyy-MM-dd}) cannot be before process '{process}' began ({p.StartsOn:yyyy-MM-dd}).");
        }

        if (facts.Now is { } now)
        {
            PresentMoment.RequireReached(on, now, what);
        }
    }

    /// <summary>
    /// A position cited to a submission is its sender's or the group's it was sent on behalf of: <paramref name="holder"/> (whose
    /// position it is) or <paramref name="speaker"/> (who spoke for it) is the sender or that group; and the submission addresses
    /// <paramref name="issue"/>. Nothing to check when no submission is cited.
    /// </summary>
    public static void RequireSubmittedBy(this PositionFacts facts, string issue, string holder, string? speaker)
    {
        if (facts.Submission is not { } cited)
        {
            return;
        }

        bool Wrote(string? who) => who is not null && (who == cited.From || who == cited.OnBehalfOf);
        if (!Wrote(holder) && !Wrote(speaker))
        {
            var sender = cited.OnBehalfOf is { } group ? $"'{cited.From}' on behalf of '{group}'" : $"'{cited.From}'";
            var whose = speaker is null ? $"'{holder}'" : $"'{holder}' (spoken for by '{speaker}')";
            throw new DomainRuleViolation(
                $"Submission '{cited.Key}' was sent by {sender}; a position of {whose} cannot cite it. A position cited to a submission is its sender's or the group's it was sent for.");
        }

        if (!cited.Issues.Contains(issue))
        {
            throw new DomainRuleViolation(
                $"Submission '{cited.Key}' does not address issue '{issue}' (it addresses {string.Join(", ", cited.Issues.Order(StringComparer.Ordinal).Select(i => $"'{i}'"))}); correct the submission's issues or cite another source.");
        }
    }
}
