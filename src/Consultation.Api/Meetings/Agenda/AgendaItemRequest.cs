using Consultation.Processes;

namespace Consultation.Meetings.Agenda;

/// <summary>An agenda item as clients send it: a title, optionally a description and the keys of issues of the process it takes up.</summary>
public sealed record AgendaItemRequest(string? Title, string? Description, IReadOnlyList<string?>? Issues)
{
    public const int MaxItems = 50;
    public const int MaxIssues = 50;

    public sealed class Validator : AbstractValidator<AgendaItemRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Title).SingleLine(TextRules.TitleMaxLength);
            RuleFor(x => x.Description!).FreeText(TextRules.DescriptionMaxLength).When(x => x.Description is not null);
            RuleFor(x => x.Issues)
                .Must(i => i is null || i.Count <= MaxIssues).WithMessage($"An agenda item takes up at most {MaxIssues} issues.")
                .Must(i => i is null || i.Distinct().Count() == i.Count).WithMessage("An issue is listed only once per item.");
            RuleForEach(x => x.Issues).NotEmpty().Slug();
        }
    }

    public static bool FitsLimit(IReadOnlyList<AgendaItemRequest?>? items) => items is null || items.Count <= MaxItems;

    public const string LimitMessage = "An agenda has at most 50 items.";

    /// <summary>The items as recorded: trimmed, each issue an issue of <paramref name="process"/> that is not retired.</summary>
    public static IReadOnlyList<AgendaItem> ToItems(ProcessDetails process, IReadOnlyList<AgendaItemRequest> requests) =>
        [.. requests.Select(r => new AgendaItem(
            r.Title!.Trim(),
            string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(),
            [.. (r.Issues ?? []).Select(i => OpenIssue(process, i!))]))];

    private static string OpenIssue(ProcessDetails process, string key)
    {
        var issue = process.Issue(key) ?? throw new StreamNotFound("Issue", $"{process.Id}/{key}");
        return issue.Status == IssueStatus.Retired
            ? throw new DomainRuleViolation($"Issue '{process.Id}/{key}' is retired; an agenda item cannot take it up.")
            : key;
    }
}
