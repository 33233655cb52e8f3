using Consultation.Infrastructure.Pipeline;
using Consultation.Stakeholders;

namespace Consultation.Meetings.Listing;

/// <summary>The meetings a stakeholder was registered for, by date, optionally in one process.</summary>
public static class ListMeetingsAttended
{
    public sealed record Query(string Stakeholder, string? Process, int Page, int PageSize, string? AsOf = null) : IQuery<Page<AttendedMeeting>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Process!).Slug().When(x => x.Process is not null);
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<AttendedMeeting>.MaxSize);
            RuleFor(x => x.AsOf).AsOfTimestamp();
        }
    }

    public sealed class Handler(IQuerySession session, RequestContext context) : IQueryHandler<Query, Page<AttendedMeeting>>
    {
        public async ValueTask<Page<AttendedMeeting>> Handle(Query query, CancellationToken cancellationToken)
        {
            _ = await DetailsAsOf.LoadAsync<StakeholderDetails>(session, "Stakeholder", query.Stakeholder, query.AsOf, cancellationToken);
            var meetings = new MeetingsAttended(session, context.Processes);
            return TimeAxes.ParseTimestamp(query.AsOf) is { } at
                ? await meetings.PageAsOfAsync(query.Stakeholder, query.Process, at, query.Page, query.PageSize, cancellationToken)
                : await meetings.PageAsync(query.Stakeholder, query.Process, query.Page, query.PageSize, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/stakeholders/{key}/meetings",
                async (string key, string? process, int? page, int? pageSize, string? asOf, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(key, process, page ?? 1, pageSize ?? Page<AttendedMeeting>.DefaultSize, asOf), ct)))
            .WithName("ListMeetingsAttended")
            .WithSummary("List the meetings a stakeholder took part in")
            .WithDescription("Meetings it was registered for as a participant (cancelled ones left out), by date. Filter: process. Paged. "
                + DetailsAsOf.AsOfDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
