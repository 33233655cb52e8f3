using Consultation.Meetings.Agenda;
using Consultation.Meetings.Reading;
using Consultation.Processes;

namespace Consultation.Meetings.Scheduling;

/// <summary>Schedule a meeting of a process: kind, title, venue, dates within the process, chairs.</summary>
public static class ScheduleMeeting
{
    public const int MaxChairs = 10;

    public sealed record Request(
        string? Meeting,
        string? Kind,
        string? Title,
        VenueRequest? Venue,
        DateOnly? StartsOn,
        DateOnly? EndsOn,
        IReadOnlyList<string?>? Chairs,
        IReadOnlyList<AgendaItemRequest?>? Agenda = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Meeting).NotEmpty().Slug();
            RuleFor(x => x.Kind).NotEmpty().OneOf<Request, MeetingKind>();
            RuleFor(x => x.Title).SingleLine(TextRules.TitleMaxLength);
            RuleFor(x => x.Venue).NotNull().WithMessage("'venue' is required, e.g. {\"city\": \"Puerto Vallarta\", \"country\": \"MEX\"}.");
            this.ValidVenue(x => x.Venue);
            RuleFor(x => x.StartsOn).NotNull();
            RuleFor(x => x.EndsOn).NotNull();
            RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn)
                .When(x => x.StartsOn is not null && x.EndsOn is not null)
                .WithMessage("'Ends On' cannot be before 'Starts On'.");
            RuleFor(x => x.Chairs)
                .NotEmpty().WithMessage("'chairs' needs at least one name.")
                .Must(c => c is null || c.Count <= MaxChairs).WithMessage($"A meeting has at most {MaxChairs} chairs.")
                .Must(c => c is null || c.Select(n => n?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == c.Count)
                .WithMessage("A chair is named only once.");
            RuleForEach(x => x.Chairs).SingleLine(TextRules.NameMaxLength);
            RuleFor(x => x.Agenda).Must(AgendaItemRequest.FitsLimit).WithMessage(AgendaItemRequest.LimitMessage);
            RuleForEach(x => x.Agenda).NotNull().WithMessage("An agenda item cannot be null.").SetValidator(new AgendaItemRequest.Validator()!);
        }
    }

    public sealed record Command(string Process, Request Request) : ICommand<StreamWritten>, IFromRequest<Request>
    {
        public string StreamKey => Meetings.Meeting.KeyOf(Process, Meeting);

        public string Meeting => Request.Meeting!;

        public MeetingKind Kind => TextRules.ParseEnum<MeetingKind>(Request.Kind!);

        public string Title => Request.Title!;

        public Venue Venue => Request.Venue!.ToVenue();

        public DateOnly StartsOn => Request.StartsOn!.Value;

        public DateOnly EndsOn => Request.EndsOn!.Value;

        public IReadOnlyList<string> Chairs => [.. Request.Chairs!.Select(c => c!)];

        public IReadOnlyList<AgendaItemRequest> Agenda => [.. (Request.Agenda ?? []).Select(i => i!)];
    }

    public static MeetingScheduled Decide(Meeting? current, ProcessDetails? process, Command command)
    {
        if (process is null)
        {
            throw new StreamNotFound("Process", command.Process);
        }

        if (current is not null)
        {
            throw AlreadyScheduled(command.StreamKey);
        }

        process.EnsureActive("be scheduled");
        var startsOn = command.StartsOn;
        var endsOn = command.EndsOn;
        process.EnsureDatesWithin(startsOn, endsOn);
        return new MeetingScheduled(
            command.StreamKey,
            process.Id,
            command.Meeting,
            command.Kind,
            command.Title.Trim(),
            command.Venue,
            startsOn,
            endsOn,
            [.. command.Chairs.Select(c => c.Trim())]);
    }

    private static DomainRuleViolation AlreadyScheduled(string key) => new($"Meeting '{key}' already exists; meeting keys are never reused.");

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var process = await session.LoadAsync<ProcessDetails>(command.Process, cancellationToken);
            var stream = await session.FetchForCreatingAsync<Meeting>(command.StreamKey, cancellationToken);
            stream.AppendOne(Decide(stream.Aggregate, process, command));
            if (command.Agenda is { Count: > 0 } agenda)
            {
                stream.AppendOne(new AgendaSet(command.StreamKey, AgendaItemRequest.ToItems(process!, agenda)));
            }

            await session.SaveNewStreamAsync(stream, () => AlreadyScheduled(command.StreamKey), cancellationToken);

            return new StreamWritten(command.StreamKey, command.Agenda is { Count: > 0 } ? 2 : 1);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/processes/{key}/meetings", async (string key, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(new Command(key, r), ct);
                var details = await mediator.Send(new GetMeeting.Query(written.Key), ct);
                http.Response.Headers.ETag = ETags.For(details.Version);
                return TypedResults.Created($"/processes/{details.Process}/meetings/{details.Meeting}", details);
            })
            .WithName("ScheduleMeeting")
            .WithSummary("Schedule a meeting of the process")
            .WithDescription("Meeting: a lowercase slug, unique in the process (e.g. stocktaking-2017). Kinds: ThematicSession"
                + ", RegionalConsultation, MultiStakeholderHearing, StocktakingMeeting, IdeaLab, NegotiationRound, InformalConsultation, Other. "
                + "Dates as YYYY-MM-DD, in order, not before the process starts. 1 to 10 chairs. "
                + "agenda (optional): its items in order, each a title, an optional description and optional issues of the process (see SetAgenda).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
