using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Convergence.Areas.NotingDivergences;

/// <summary>
/// Note a divergence within an area of convergence (a facilitator command): where views still differ, on which issues of
/// the process, among which registered stakeholders. Divergences are numbered d1, d2… in the order noted.
/// </summary>
public static class NoteDivergence
{
    public const int MaxStakeholders = 200;

    public sealed record Request(string? Text, IReadOnlyList<string?>? Issues, IReadOnlyList<string?>? Stakeholders, DateOnly? NotedOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Text).FreeText(TextRules.DescriptionMaxLength);
            RuleFor(x => x.Issues).IssueKeys(Identifying.IdentifyArea.MaxIssues, "A divergence concerns");
            RuleForEach(x => x.Issues).NotEmpty().Slug();
            RuleFor(x => x.Stakeholders)
                .Must(s => s is null || s.Count <= MaxStakeholders).WithMessage($"A divergence names at most {MaxStakeholders} stakeholders.")
                .Must(s => s is null || s.Distinct().Count() == s.Count).WithMessage("A stakeholder is listed only once.");
            RuleForEach(x => x.Stakeholders).Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule);
            RuleFor(x => x.NotedOn).NotNull();
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Text => Request.Text!;

        public IReadOnlyList<string> Issues => [.. Request.Issues!.Select(i => i!)];

        public IReadOnlyList<string> Stakeholders => [.. (Request.Stakeholders ?? []).Select(s => s!)];

        public DateOnly NotedOn => Request.NotedOn!.Value;
    }

    /// <summary><paramref name="registered"/> holds the stakeholders named in the command that exist in the registry.</summary>
    public static IReadOnlyList<object> Decide(Area area, ProcessDetails process, IReadOnlySet<string> registered, Command command)
    {
        area.EnsureChangeable(process);
        var issues = command.Issues;
        foreach (var issue in issues)
        {
            process.ExistingIssue(issue);
        }

        var stakeholders = command.Stakeholders;
        if (stakeholders.FirstOrDefault(s => !registered.Contains(s)) is { } unknown)
        {
            throw new StreamNotFound("Stakeholder", unknown);
        }

        var notedOn = command.NotedOn;
        area.EnsureNotBeforeIdentified(notedOn, "noted to diverge");
        return [new DivergenceNoted(area.Id, area.NextDivergenceId, command.Text.Trim(), issues, stakeholders, notedOn)];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var named = command.Stakeholders.Distinct().ToArray();
            var registered = named.Length == 0
                ? []
                : (await session.LoadManyAsync<StakeholderDetails>(cancellationToken, named)).Select(s => s.Id).ToHashSet();
            return await session.UpdateAreaAsync(command, (area, process) => Decide(area, process, registered, command), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapAreaUpdate<Request>("divergences", (key, version, _, r) => new Command(key, version, r))
            .WithName("NoteDivergence")
            .WithSummary("Note a divergence within an area of convergence (facilitators)")
            .WithDescription("text: where views still differ. issues: 1 to 50 issue keys of the process. stakeholders (optional): registered stakeholders concerned. "
                + "notedOn (YYYY-MM-DD): not before the area was identified. The new divergence is the last of 'divergences' (ids d1, d2…).");
}
