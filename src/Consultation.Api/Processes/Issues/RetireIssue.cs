using Consultation.Processes.Reading;

namespace Consultation.Processes.Issues;

/// <summary>Retire an issue: it keeps its history and positions but accepts no new positions.</summary>
public static class RetireIssue
{
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, string Issue, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Reason => Request.Reason!;
    }

    public static IReadOnlyList<object> Decide(Process process, Command command)
    {
        process.EnsureActive();
        var issue = process.OpenIssue(command.Issue);
        return [new IssueRetired(process.Id, issue.Key, command.Reason.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Process>(command, "Process", current => Decide(current, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/issues/{issue}/retire",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, route.Route("issue"), r),
                key => new GetProcess.Query(key))
            .WithName("RetireIssue")
            .WithSummary("Retire an issue");
}
