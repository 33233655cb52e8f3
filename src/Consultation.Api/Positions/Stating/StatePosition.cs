using Consultation.Infrastructure.Idempotency;
using Consultation.Positions.Reading;
using Consultation.Positions.Writing;
using Consultation.Stakeholders;

namespace Consultation.Positions.Stating;

/// <summary>
/// State a stakeholder's position on an issue, from what was said at a meeting. When the delegate
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

    public sealed record Command : Input, ICommand<StreamWritten>
    {
        /// <summary>Stating <paramref name="input"/> (a request, a batch item) on an issue of a process.</summary>
        public Command(string? process, string? issue, Input input)
            : base(input)
        {
            Process = process;
            Issue = issue;
        }

        public string? Process { get; init; }

        public string? Issue { get; init; }

        /// <summary>Whose position this is: the group spoken for, else the speaker.</summary>
        public string Owner => OnBehalfOf ?? Stakeholder!;

        public string PositionKey => Position.KeyFor(Process!, Issue!, Owner);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Process).NotEmpty().Slug();
            RuleFor(x => x.Issue).NotEmpty().Slug();
            RuleFor(x => x.Stakeholder).NotEmpty().Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule);
            RuleFor(x => x.OnBehalfOf!).Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule).When(x => x.OnBehalfOf is not null);
            this.AddContentRules();
        }
    }

    public static PositionStated Decide(Position? current, Command command, PositionFacts facts)
    {
        facts.RequireOpenIssue(command.Process!, command.Issue!);
        var owner = facts.Stakeholder ?? throw new StreamNotFound("Stakeholder", command.Owner);
        if (command.OnBehalfOf is not null)
        {
            _ = facts.SpokenBy ?? throw new StreamNotFound("Stakeholder", command.Stakeholder!);
            if (owner.Kind is not (StakeholderKind.GroupOrBloc or StakeholderKind.IntergovernmentalOrganization))
            {
                throw new DomainRuleViolation($"'{owner.Id}' is a {owner.Kind}, not a group or bloc; a delegate can speak on behalf of groups only.");
            }
        }

        var content = command.ToContent();
        facts.RequireSource(command.Process!, content.Source, content.StatedOn, "The stated-on date");
        facts.RequireForNew(command.Process!, owner.Id, command.OnBehalfOf is null ? null : command.Stakeholder, content);
        if (current is { IsWithdrawn: false })
        {
            throw new DomainRuleViolation($"'{owner.Id}' already has a position on '{command.Process}/{command.Issue}': revise it (a shift) or correct it (a recording mistake).");
        }

        if (current?.WithdrawnOn is { } withdrawnOn && content.StatedOn < withdrawnOn)
        {
            throw new DomainRuleViolation($"A position re-stated after its withdrawal ({withdrawnOn:yyyy-MM-dd}) cannot be dated before it ({content.StatedOn:yyyy-MM-dd}).");
        }

        return new PositionStated(command.PositionKey, command.Process!, command.Issue!, owner.Id, command.OnBehalfOf is null ? null : command.Stakeholder, content);
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
            .WithDescription("Stance from -2 (opposes) to +2 (strongly supports). The stated-on date must fall within the source meeting. With onBehalfOf, the position is the group's and names the speaker.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
