using Consultation.Processes.Reading;

namespace Consultation.Processes.Divergences;

/// <summary>
/// Note a divergence of the process as a whole (a facilitator command): disagreement acknowledged without saying which
/// area of convergence it belongs to, e.g. "there are issues we continue to disagree on". Issues are optional because a
/// source may not name them. Numbered d1, d2… in the order noted; a divergence within an area is noted on the area.
/// </summary>
public static class NoteProcessDivergence
{
    public const int MaxIssues = 50;

    public sealed record Request(string? Text, IReadOnlyList<string?>? Issues, DateOnly? NotedOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Text).FreeText(TextRules.DescriptionMaxLength);
            RuleFor(x => x.Issues)
                .Must(i => i is null || i.Count <= MaxIssues).WithMessage($"A divergence concerns at most {MaxIssues} issues.")
                .Must(i => i is null || i.Distinct().Count() == i.Count).WithMessage("An issue is listed only once.");
            RuleForEach(x => x.Issues).NotEmpty().Slug();
            RuleFor(x => x.NotedOn).NotNull();
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Text => Request.Text!;

        public IReadOnlyList<string> Issues => [.. (Request.Issues ?? []).Select(i => i!)];

        public DateOnly NotedOn => Request.NotedOn!.Value;
    }

    public static IReadOnlyList<object> Decide(Process process, Command command, DateTimeOffset now)
    {
        var notedOn = command.NotedOn;
        process.EnsureNotable(notedOn, now, "A divergence");
        var issues = command.Issues;
        foreach (var issue in issues)
        {
            process.ExistingIssue(issue);
        }

        return [new ProcessDivergenceNoted(process.Id, $"d{process.DivergencesNoted + 1}", command.Text.Trim(), issues, notedOn)];
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Process>(command, "Process", current => Decide(current, command, time.GetUtcNow()), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/divergences",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, r),
                key => new GetProcess.Query(key))
            .WithName("NoteProcessDivergence")
            .WithSummary("Note a divergence of the process as a whole (facilitators)")
            .WithDescription("text: where views still differ. issues (optional): issue keys of the process, when the source names them. "
                + "notedOn (YYYY-MM-DD): not before the process starts. The new divergence is the last of 'divergences' (ids d1, d2…).");
}
