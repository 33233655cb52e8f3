using Consultation.Processes.Reading;

namespace Consultation.Processes.Issues;

/// <summary>Table an issue: a question or building block positions are taken on, optionally in a theme and under a parent issue.</summary>
public static class TableIssue
{
    public sealed record Request(string? Issue, string? Title, string? Description, string? Theme, string? ParentIssue);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Issue).NotEmpty().Slug();
            RuleFor(x => x.Title).ShortTitle("description");
            RuleFor(x => x.Description).FreeText(TextRules.FullTextMaxLength);
            RuleFor(x => x.Theme!).SingleLine(TextRules.TitleMaxLength).When(x => x.Theme is not null);
            RuleFor(x => x.ParentIssue!).Slug().When(x => x.ParentIssue is not null);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Issue => Request.Issue!;

        public string Title => Request.Title!;

        public string Description => Request.Description!;

        public string? Theme => Request.Theme;

        public string? ParentIssue => Request.ParentIssue;
    }

    public static IReadOnlyList<object> Decide(Process process, Command command)
    {
        process.EnsureActive();
        if (process.Issues.ContainsKey(command.Issue))
        {
            throw new DomainRuleViolation($"Issue '{process.Id}/{command.Issue}' already exists; issue keys are unique in a process and never reused.");
        }

        if (command.ParentIssue is not null)
        {
            process.OpenIssue(command.ParentIssue);
        }

        return [new IssueTabled(process.Id, command.Issue, command.Title.Trim(), command.Description.Trim(), command.Theme?.Trim(), command.ParentIssue)];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Process>(command, "Process", current => Decide(current, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/issues",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, r),
                key => new GetProcess.Query(key))
            .WithName("TableIssue")
            .WithSummary("Table an issue in the process")
            .WithDescription("issue: a slug, unique in the process. title: how the issue is listed, one line of at most 300 characters. "
                + "description: its full text as submitted (a comment, a draft paragraph), up to 20,000 characters, line breaks kept. "
                + "theme (optional) and parentIssue (optional, an issue of the process) place it.");
}
