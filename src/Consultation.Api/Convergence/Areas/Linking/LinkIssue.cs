using Consultation.Processes;

namespace Consultation.Convergence.Areas.Linking;

/// <summary>Link another open issue of the process to an area of convergence (a facilitator command).</summary>
public static class LinkIssue
{
    public sealed record Request(string? Issue, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Issue).NotEmpty().Slug();
            RuleFor(x => x.Reason!).FreeText(TextRules.ReasonMaxLength).When(x => x.Reason is not null);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Issue => Request.Issue!;

        public string? Reason => Request.Reason;
    }

    public static IReadOnlyList<object> Decide(Area area, ProcessDetails process, Command command)
    {
        area.EnsureChangeable(process);
        var issue = process.OpenIssue(command.Issue);
        if (area.Issues.Contains(issue.Key))
        {
            throw new DomainRuleViolation($"Issue '{issue.Key}' is already linked to area '{area.Id}'.");
        }

        if (area.Issues.Count >= Identifying.IdentifyArea.MaxIssues)
        {
            throw new DomainRuleViolation($"Area '{area.Id}' already covers {Identifying.IdentifyArea.MaxIssues} issues, the most an area covers.");
        }

        return [new IssueLinkedToArea(area.Id, issue.Key, command.Reason?.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateAreaAsync(command, (area, process) => Decide(area, process, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapAreaUpdate<Request>("issues", (key, version, _, r) => new Command(key, version, r))
            .WithName("LinkIssueToArea")
            .WithSummary("Link an issue to an area of convergence (facilitators)")
            .WithDescription("issue: an open issue of the process, not linked yet. reason (optional).");
}
