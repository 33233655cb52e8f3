using Consultation.Convergence.Areas.Reading;
using Consultation.Meetings;
using Consultation.Processes;

namespace Consultation.Convergence.Areas.Identifying;

/// <summary>
/// Identify an area of convergence (a facilitator command): a claim, in the facilitator's words, that views on some open
/// issues of an active process are coming together, made at a meeting of the process on one of its days.
/// </summary>
public static class IdentifyArea
{
    public const int MaxIssues = 50;

    public sealed record Request(string? Area, string? Title, string? Description, IReadOnlyList<string?>? Issues, string? Meeting, DateOnly? IdentifiedOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Area).NotEmpty().Slug();
            RuleFor(x => x.Title).SingleLine(TextRules.TitleMaxLength);
            RuleFor(x => x.Description).FreeText(TextRules.DescriptionMaxLength);
            RuleFor(x => x.Issues).IssueKeys(MaxIssues, "An area covers");
            RuleForEach(x => x.Issues).NotEmpty().Slug();
            RuleFor(x => x.Meeting).NotEmpty().Slug();
            RuleFor(x => x.IdentifiedOn).NotNull();
        }
    }

    public sealed record Command(string Process, Request Request) : ICommand<StreamWritten>, IFromRequest<Request>
    {
        public string StreamKey => Areas.Area.KeyOf(Process, Area);

        public string Area => Request.Area!;

        public string Title => Request.Title!;

        public string Description => Request.Description!;

        public IReadOnlyList<string> Issues => [.. Request.Issues!.Select(i => i!)];

        public string Meeting => Request.Meeting!;

        public DateOnly IdentifiedOn => Request.IdentifiedOn!.Value;
    }

    /// <summary>
    /// <paramref name="process"/> and <paramref name="meeting"/> are the read models named by the command (null when they do not exist).
    /// </summary>
    public static AreaIdentified Decide(Area? current, ProcessDetails? process, MeetingDetails? meeting, Command command)
    {
        if (process is null)
        {
            throw new StreamNotFound("Process", command.Process);
        }

        process.EnsureActiveForAreas();
        if (current is not null)
        {
            throw AlreadyIdentified(command.StreamKey);
        }

        var issues = command.Issues;
        foreach (var issue in issues)
        {
            process.OpenIssue(issue);
        }

        var identifiedOn = command.IdentifiedOn;
        meeting.EnsureHeldOn(process.Id, command.Meeting, identifiedOn, "identified");
        return new AreaIdentified(
            command.StreamKey,
            process.Id,
            command.Area,
            command.Title.Trim(),
            command.Description.Trim(),
            issues,
            command.Meeting,
            identifiedOn);
    }

    private static DomainRuleViolation AlreadyIdentified(string key) => new($"Area '{key}' already exists; area keys are never reused.");

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var process = await session.LoadAsync<ProcessDetails>(command.Process, cancellationToken);
            var meeting = await session.LoadAsync<MeetingDetails>(Meetings.Meeting.KeyOf(command.Process, command.Meeting), cancellationToken);
            var stream = await session.FetchForCreatingAsync<Area>(command.StreamKey, cancellationToken);
            stream.AppendOne(Decide(stream.Aggregate, process, meeting, command));
            await session.SaveNewStreamAsync(stream, () => AlreadyIdentified(command.StreamKey), cancellationToken);

            return new StreamWritten(command.StreamKey, 1);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/processes/{key}/areas", async (string key, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(new Command(key, r), ct);
                var details = await mediator.Send(new GetArea.Query(written.Key), ct);
                http.Response.Headers.ETag = ETags.For(details.Version);
                return TypedResults.Created(GetArea.Route(details), details);
            })
            .WithName("IdentifyArea")
            .WithSummary("Identify an area of convergence (facilitators)")
            .WithDescription("area: a lowercase slug, unique in the process (e.g. rejecting-business-as-usual). description: the claim in the facilitator's words. "
                + "issues: 1 to 50 keys of open issues of the process. meeting: the slug of a meeting of the process that was not cancelled; "
                + "identifiedOn (YYYY-MM-DD): a day within that meeting's dates.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
