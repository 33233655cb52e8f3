using Consultation.Processes.Reading;

namespace Consultation.Processes.Issues;

/// <summary>Give an issue a new title, with the reason; the old one stays in the history.</summary>
public static class RetitleIssue
{
    public sealed record Request(string? Title, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Title).ShortTitle("description");
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, string Issue, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Title => Request.Title!;

        public string Reason => Request.Reason!;
    }

    public static IReadOnlyList<object> Decide(Process process, Command command)
    {
        process.EnsureActive();
        var issue = process.OpenIssue(command.Issue);
        var title = command.Title.Trim();
        return title == issue.Title
            ? throw new DomainRuleViolation($"Issue '{process.Id}/{issue.Key}' is already titled '{title}'.")
            : [new IssueRetitled(process.Id, issue.Key, issue.Title, title, command.Reason.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Process>(command, "Process", current => Decide(current, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/issues/{issue}/retitle",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, route.Route("issue"), r),
                key => new GetProcess.Query(key))
            .WithName("RetitleIssue")
            .WithSummary("Retitle an issue");
}
