using Consultation.Meetings;
using Consultation.Positions.Writing;
using Consultation.Submissions;

namespace Consultation.Positions.Reading;

/// <summary>A stakeholder's own position on an issue as the record stands, with its version as ETag.</summary>
public static class GetPosition
{
    public sealed record Query(string Key, string? AsOf = null) : IQuery<PositionDetails>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(x => x.AsOf).AsOfTimestamp();
    }

    public static string Route(PositionDetails position) =>
        $"/processes/{position.Process}/issues/{position.Issue}/positions/{position.Stakeholder}";

    /// <summary>After a write in the same request (its answer), the position as that write left it (<see cref="PositionWriteSession.Written"/>).</summary>
    public sealed class Handler(IQuerySession session, PositionWriteSession writes) : IQueryHandler<Query, PositionDetails>
    {
        public async ValueTask<PositionDetails> Handle(Query query, CancellationToken cancellationToken)
        {
            var details = (query.AsOf is null ? writes.Written(query.Key) : null)
                ?? await DetailsAsOf.LoadAsync<PositionDetails>(session, "Position", query.Key, query.AsOf, cancellationToken);
            return details with
            {
                CitedStatementWithdrawn = await CitedStatementWithdrawnAsync(details, query.AsOf, cancellationToken),
                CitedSubmissionWithdrawn = await CitedSubmissionWithdrawnAsync(details, query.AsOf, cancellationToken),
            };
        }

        private async Task<bool> CitedSubmissionWithdrawnAsync(PositionDetails details, string? asOf, CancellationToken cancellationToken)
        {
            if (details.Source.Submission is not { } cited)
            {
                return false;
            }

            var key = Submission.KeyOf(details.Process, cited);
            var then = TimeAxes.ParseTimestamp(asOf) is { } at
                ? await session.Events.AggregateStreamAsync<SubmissionDetails>(key, timestamp: at, token: cancellationToken)
                : await session.LoadAsync<SubmissionDetails>(key, cancellationToken);
            return then?.Withdrawn == true;
        }

        private async Task<bool> CitedStatementWithdrawnAsync(PositionDetails details, string? asOf, CancellationToken cancellationToken)
        {
            if (details.Source is not { Statement: { } statement, Meeting: { } cited })
            {
                return false;
            }

            var meeting = Meetings.Meeting.KeyOf(details.Process, cited);
            if (asOf is null)
            {
                return (await session.LoadAsync<StatementRecord>(StatementRecord.IdOf(meeting, statement), cancellationToken))?.Withdrawn == true;
            }

            var then = await session.Events.AggregateStreamAsync<MeetingDetails>(meeting, timestamp: TimeAxes.ParseTimestamp(asOf), token: cancellationToken);
            return then?.Statement(statement)?.Withdrawn == true;
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/issues/{issue}/positions/{stakeholder}",
                async (string process, string issue, string stakeholder, string? asOf, IMediator mediator, HttpContext http, CancellationToken ct) =>
                {
                    var details = await mediator.Send(new Query(Position.KeyFor(process, issue, stakeholder), asOf), ct);
                    DetailsAsOf.SetETag(http, details.Version, asOf);
                    return TypedResults.Ok(details);
                })
            .WithName("GetPosition")
            .WithSummary("Fetch a stakeholder's position on an issue")
            .WithDescription(DetailsAsOf.AsOfDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
