using System.Text.RegularExpressions;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Submissions;

/// <summary>What a submission's content obeys, recorded or corrected, and the input rules its requests share.</summary>
public static partial class SubmissionRules
{
    public const int MaxIssues = 100;
    public const int LinkMaxLength = 2000;
    public const string LinkRule = "'link' must be an absolute http or https address (e.g. https://example.org/submission.pdf), one line, at most 2000 characters.";
    public const string LanguageRule = "'language' must be an ISO 639-1 code of two lowercase letters (e.g. en, es, fr).";

    /// <summary>An absolute http(s) URL with a host: what a reader of the record can open.</summary>
    public static bool IsWebLink(string? value) =>
        value is { Length: > 0 and <= LinkMaxLength }
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
        && string.IsNullOrEmpty(uri.UserInfo);

    public static bool IsLanguage(string? value) => value is not null && LanguagePattern().IsMatch(value);

    /// <summary>
    /// The content is sound against the record: the sender (<paramref name="sender"/>) is registered; a group it sent on behalf of (<paramref name="writtenFor"/>) is a group or bloc or an
    /// intergovernmental organization it was a member of on the day received; the day lies within the process and has come;
    /// the issues exist in the process and are not retired (unless already addressed, <paramref name="already"/>).
    /// </summary>
    public static void RequireSound(
        SubmissionContent content, ProcessDetails process, StakeholderDetails? sender, StakeholderDetails? writtenFor, DateTimeOffset now, IReadOnlyCollection<string> already)
    {
        var registered = sender ?? throw new StreamNotFound("Stakeholder", content.From);
        if (content.OnBehalfOf is { } onBehalfOf)
        {
            RequireSentFor(onBehalfOf, writtenFor, registered, content.ReceivedOn);
        }

        if (content.ReceivedOn < process.StartsOn)
        {
            throw new DomainRuleViolation(
                $"A submission to process '{process.Id}' cannot be received ({content.ReceivedOn:yyyy-MM-dd}) before the process starts ({process.StartsOn:yyyy-MM-dd}).");
        }

        if (process.ConcludedOn is { } concludedOn && content.ReceivedOn > concludedOn)
        {
            throw new DomainRuleViolation(
                $"A submission to process '{process.Id}' cannot be received ({content.ReceivedOn:yyyy-MM-dd}) after the process concluded ({concludedOn:yyyy-MM-dd}).");
        }

        PresentMoment.RequireReached(content.ReceivedOn, now, "The day the submission was received");
        foreach (var key in content.Issues)
        {
            var issue = process.Issue(key) ?? throw new StreamNotFound("Issue", $"{process.Id}/{key}");
            if (issue.Status == IssueStatus.Retired && !already.Contains(key))
            {
                throw new DomainRuleViolation($"Issue '{process.Id}/{key}' is retired; a submission cannot newly address it.");
            }
        }
    }

    /// <summary>Nothing is recorded in a concluded process.</summary>
    public static void RequireActive(ProcessDetails process, string action)
    {
        if (process.Status == ProcessStatus.Concluded)
        {
            throw new DomainRuleViolation($"Process '{process.Id}' was concluded on {process.ConcludedOn:yyyy-MM-dd}; submissions can no longer {action} in it.");
        }
    }

    private static void RequireSentFor(string onBehalfOf, StakeholderDetails? group, StakeholderDetails sender, DateOnly receivedOn)
    {
        if (group is null)
        {
            throw new StreamNotFound("Stakeholder", onBehalfOf);
        }

        if (!group.Kind.HasMembers())
        {
            throw new DomainRuleViolation(
                $"'{group.Id}' is a {group.Kind}; submissions are sent on behalf of a group or bloc or an intergovernmental organization only.");
        }

        if (!sender.Groups.Any(g => g.Group == group.Id && g.Covers(receivedOn)))
        {
            throw new DomainRuleViolation(
                $"'{sender.Id}' was not a member of '{group.Id}' on {receivedOn:yyyy-MM-dd}, the day the submission was received; "
                + "it writes on behalf of a group only while a member of it (record its membership first if it was one).");
        }
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguagePattern();
}
