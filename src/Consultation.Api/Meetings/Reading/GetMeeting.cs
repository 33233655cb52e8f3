namespace Consultation.Meetings.Reading;

/// <summary>The record of a meeting: participants, statements, findings, recommendations, the chair's summary, status and version.</summary>
public static class GetMeeting
{
    /// <summary><see cref="Key"/> is the stream key, <c>{process}/{meeting}</c>.</summary>
    public sealed record Query(string Key, string? AsOf = null) : IQuery<MeetingDetails>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(x => x.AsOf).AsOfTimestamp();
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, MeetingDetails>
    {
        public async ValueTask<MeetingDetails> Handle(Query query, CancellationToken cancellationToken) =>
            await DetailsAsOf.LoadAsync<MeetingDetails>(session, "Meeting", query.Key, query.AsOf, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/processes/{key}/meetings/{meeting}", async (string key, string meeting, string? asOf, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new Query(Meeting.KeyOf(key, meeting), asOf), ct);
                DetailsAsOf.SetETag(http, details.Version, asOf);
                return TypedResults.Ok(details);
            })
            .WithName("GetMeeting")
            .WithSummary("Fetch the record of a meeting")
            .WithDescription(DetailsAsOf.AsOfDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
