using Consultation.Processes;

namespace Consultation.Convergence.Areas.Linking;

/// <summary>Unlink an issue from an area of convergence (a facilitator command); an area always covers at least one issue.</summary>
public static class UnlinkIssue
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

    public sealed class PathValidator : AbstractValidator<Command>
    {
        public PathValidator() => RuleFor(x => x.Issue).NotEmpty().Slug();
    }

    public static IReadOnlyList<object> Decide(Area area, ProcessDetails process, Command command)
    {
        area.EnsureChangeable(process);
        if (!area.Issues.Contains(command.Issue))
        {
            process.ExistingIssue(command.Issue);
            throw new DomainRuleViolation($"Issue '{command.Issue}' is not linked to area '{area.Id}'.");
        }

        if (area.Issues.Count == 1)
        {
            throw new DomainRuleViolation(
                $"Issue '{command.Issue}' is the only issue area '{area.Id}' covers; link another first, or dissolve the area.");
        }

        return [new IssueUnlinkedFromArea(area.Id, command.Issue, command.Reason.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateAreaAsync(command, (area, process) => Decide(area, process, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapAreaUpdate<Request>("issues/{issue}/unlink", (key, version, route, r) => new Command(key, version, route.Route("issue"), r))
            .WithName("UnlinkIssueFromArea")
            .WithSummary("Unlink an issue from an area of convergence (facilitators)")
            .WithDescription("The issue must be linked, and another issue must remain. reason: why.");
}
