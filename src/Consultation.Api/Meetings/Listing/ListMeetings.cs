using Consultation.Processes;

namespace Consultation.Meetings.Listing;

/// <summary>The meetings of a process in calendar order, filtered by kind, phase (start date within the phase's dates) and status.</summary>
public static class ListMeetings
{
    public sealed record Query(string Process, string? Kind, string? Phase, string? Status, int Page, int PageSize) : IQuery<Page<MeetingSummary>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).OneOf<Query, MeetingKind>();
            RuleFor(x => x.Status).OneOf<Query, MeetingStatus>();
            RuleFor(x => x.Phase!).Slug().When(x => x.Phase is not null);
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<MeetingSummary>.MaxSize);
        }
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, Page<MeetingSummary>>
    {
        public async ValueTask<Page<MeetingSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await session.LoadAsync<ProcessDetails>(query.Process, cancellationToken) ?? throw new StreamNotFound("Process", query.Process);
            var meetings = new MeetingsOfProcess(session).Of(process.Id);
            if (TextRules.ParseOptionalEnum<MeetingKind>(query.Kind) is { } kind)
            {
                meetings = meetings.Where(x => x.Kind == kind);
            }

            if (TextRules.ParseOptionalEnum<MeetingStatus>(query.Status) is { } status)
            {
                meetings = meetings.Where(x => x.Status == status);
            }

            if (query.Phase is { } key)
            {
                var phase = process.Phases.FirstOrDefault(p => p.Key == key) ?? throw new StreamNotFound("Phase", $"{process.Id}/{key}");
                var startedOn = phase.StartedOn;
                meetings = meetings.Where(x => x.StartsOn >= startedOn);
                if (phase.EndedOn is { } endedOn)
                {
                    meetings = meetings.Where(x => x.StartsOn <= endedOn);
                }
            }

            return await MeetingsOfProcess.PageAsync(meetings, query.Page, query.PageSize, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{key}/meetings",
                async (string key, string? kind, string? phase, string? status, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(key, kind, phase, status, page ?? 1, pageSize ?? Page<MeetingSummary>.DefaultSize), ct)))
            .WithName("ListMeetings")
            .WithSummary("List the meetings of a process in calendar order")
            .WithDescription("Filters: kind, phase (a phase key of the process: meetings starting within its dates), status "
                + "(Scheduled, Open, Closed, Cancelled). Paged: page (from 1), pageSize (1-200, default 50).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
