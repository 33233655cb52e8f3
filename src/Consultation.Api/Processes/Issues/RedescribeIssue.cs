using Consultation.Processes.Reading;

namespace Consultation.Processes.Issues;

/// <summary>Replace an issue's description, with the reason.</summary>
public static class RedescribeIssue
{
    public sealed record Request(string? Description, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Description).FreeText(TextRules.FullTextMaxLength);
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, string Issue, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Description => Request.Description!;

        public string Reason => Request.Reason!;
    }

    public static IReadOnlyList<object> Decide(Process process, Command command)
    {
        process.EnsureActive();
        var issue = process.OpenIssue(command.Issue);
        var description = command.Description.Trim();
        return description == issue.Description
            ? throw new DomainRuleViolation($"Issue '{process.Id}/{issue.Key}' already has this description.")
            : [new IssueRedescribed(process.Id, issue.Key, description, command.Reason.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Process>(command, "Process", current => Decide(current, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/issues/{issue}/redescribe",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, route.Route("issue"), r),
                key => new GetProcess.Query(key))
            .WithName("RedescribeIssue")
            .WithSummary("Change an issue's description")
            .WithDescription("description: the issue's new full text, up to 20,000 characters, line breaks kept; reason: why it changed. "
                + "The previous text stays in the history.");
}
