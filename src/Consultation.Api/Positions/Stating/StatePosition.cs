using Consultation.Infrastructure.Idempotency;
using Consultation.Positions.Reading;
using Consultation.Positions.Writing;
using Consultation.Stakeholders;

namespace Consultation.Positions.Stating;

/// <summary>
/// State a stakeholder's position on an issue, from what was said at a meeting or written in a submission. When the delegate
/// spoke for a group (<see cref="Input.OnBehalfOf"/>), the position is the group's.
/// </summary>
public static class StatePosition
{
    /// <summary>What stating a position carries, however it is sent: who spoke, for whom (a group), and the content.</summary>
    public abstract record Input : PositionContentInput
    {
        public string? Stakeholder { get; init; }

        public string? OnBehalfOf { get; init; }
    }

    /// <summary>The body: everything but the process and issue, which the route names.</summary>
    public sealed record Request : Input
    {
        public Command For(string process, string issue) => new(process, issue, this);
    }

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => this.AddStatingRules();
    }

    /// <summary>Stating <see cref="Request"/> (a body, a batch item) on an issue of a process; its fields as the validators guarantee them.</summary>
    public sealed record Command(string Process, string Issue, Input Request) : ICommand<StreamWritten>, IFromRequest<Input>
    {
        public string Stakeholder => Request.Stakeholder!;

        public string? OnBehalfOf => Request.OnBehalfOf;

        /// <summary>Whose position this is: the group spoken for, else the speaker.</summary>
        public string Owner => OnBehalfOf ?? Stakeholder;

        /// <summary>Who spoke for the group, when the position is a group's; null when the owner spoke.</summary>
        public string? Speaker => OnBehalfOf is null ? null : Stakeholder;

        public string? Meeting => Request.Meeting;

        public string? Submission => Request.Submission;

        public string? Statement => Request.Statement;

        /// <summary>What the position cites (a meeting and statement, or a submission), as recorded.</summary>
        public PositionSource Source => Content.Source;

        public PositionContent Content => Request.ToContent();

        public string PositionKey => Position.KeyFor(Process, Issue, Owner);
    }

    /// <summary>The process and issue come from the route (or the batch): checked before the body, as they always were.</summary>
    public sealed class PathValidator : AbstractValidator<Command>
    {
        public PathValidator()
        {
            RuleFor(x => x.Process).NotEmpty().Slug();
            RuleFor(x => x.Issue).NotEmpty().Slug();
        }
    }

    /// <summary>The rules of what stating carries (who spoke, for whom, the content), for the body and a batch item alike.</summary>
    public static void AddStatingRules<T>(this AbstractValidator<T> validator)
        where T : Input
    {
        validator.RuleFor(x => x.Stakeholder).NotEmpty().Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule);
        validator.RuleFor(x => x.OnBehalfOf!).Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule).When(x => x.OnBehalfOf is not null);
        validator.AddContentRules();
    }

    public static PositionStated Decide(Position? current, Command command, PositionFacts facts)
    {
        facts.RequireOpenIssue(command.Process, command.Issue);
        var owner = facts.Stakeholder ?? throw new StreamNotFound("Stakeholder", command.Owner);
        if (command.OnBehalfOf is not null)
        {
            _ = facts.SpokenBy ?? throw new StreamNotFound("Stakeholder", command.Stakeholder);
            if (owner.Kind is not (StakeholderKind.GroupOrBloc or StakeholderKind.IntergovernmentalOrganization))
            {
                throw new DomainRuleViolation($"'{owner.Id}' is a {owner.Kind}, not a group or bloc; a delegate can speak on behalf of groups only.");
            }
        }

        var content = command.Content;
        facts.RequireSource(command.Process, content.Source, content.StatedOn, "The stated-on date");
        facts.RequireForNew(command.Process, command.Issue, owner.Id, command.Speaker, content);
        if (current is { IsWithdrawn: false })
        {
            throw new DomainRuleViolation($"'{owner.Id}' already has a position on '{command.Process}/{command.Issue}': revise it (a shift) or correct it (a recording mistake).");
        }

        if (current?.WithdrawnOn is { } withdrawnOn && content.StatedOn < withdrawnOn)
        {
            throw new DomainRuleViolation($"A position re-stated after its withdrawal ({withdrawnOn:yyyy-MM-dd}) cannot be dated before it ({content.StatedOn:yyyy-MM-dd}).");
        }

        return new PositionStated(command.PositionKey, command.Process, command.Issue, owner.Id, command.Speaker, content);
    }

    private static DomainRuleViolation AlreadyStated(string key) =>
        new($"A position '{key}' was stated at the same moment; revise or correct it instead.");

    public sealed class Handler(IDocumentSession session, PositionWriteSession writes) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await writes.StateAsync(session, command, (current, facts) => Decide(current, command, facts), () => AlreadyStated(command.PositionKey), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/processes/{process}/issues/{issue}/positions", async (string process, string issue, Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(request.For(process, issue), ct);
                var details = await mediator.Send(new GetPosition.Query(written.Key), ct);
                http.Response.Headers.ETag = Infrastructure.EventStore.ETags.For(details.Version);
                return TypedResults.Created(GetPosition.Route(details), details);
            })
            .WithName("StatePosition")
            .WithIdempotency(Batching.PositionReadBack.Stated)
            .WithSummary("State a stakeholder's position on an issue")
            .WithDescription("Stance from -2 (opposes) to +2 (strongly supports). Source: 'meeting' (the stated-on date within it, the stakeholder or its speaker a participant) "
                + "or 'submission' (a written submission of the process from the stakeholder, its speaker or the group written for, addressing the issue; the stated-on date "
                + "its received-on date or earlier, not before the process began), exactly one. With onBehalfOf, the position is the group's and names the speaker.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
