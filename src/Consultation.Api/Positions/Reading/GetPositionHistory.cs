using JasperFx.Events;

namespace Consultation.Positions.Reading;

/// <summary>Every change to a position: what kind, when recorded and by whom, why, and what it said before and after.</summary>
public static class GetPositionHistory
{
    public enum ChangeKind
    {
        Stated,
        Revised,
        Corrected,
        Withdrawn,
    }

    public sealed record Query(string Key) : IQuery<IReadOnlyList<Change>>;

    public sealed record Change(
        long Version,
        long Sequence,
        ChangeKind Kind,
        DateTimeOffset RecordedAt,
        string? RecordedBy,
        string? CorrelationId,
        string? Reason,
        PositionContent? Before,
        PositionContent? After,
        DateOnly? WithdrawnOn);

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, IReadOnlyList<Change>>
    {
        public async ValueTask<IReadOnlyList<Change>> Handle(Query query, CancellationToken cancellationToken)
        {
            var events = await session.Events.FetchStreamAsync(query.Key, token: cancellationToken);
            if (events.Count == 0)
            {
                throw new StreamNotFound("Position", query.Key);
            }

            var changes = new List<Change>(events.Count);
            PositionContent? standing = null;
            foreach (var e in events)
            {
                var (kind, after, reason, withdrawnOn) = e.Data switch
                {
                    PositionStated x => (ChangeKind.Stated, x.Content, (string?)null, (DateOnly?)null),
                    PositionRevised x => (ChangeKind.Revised, x.Content, x.Reason, null),
                    PositionCorrected x => (ChangeKind.Corrected, x.Content, x.Reason, null),
                    PositionWithdrawn x => (ChangeKind.Withdrawn, (PositionContent?)null, x.Reason, x.WithdrawnOn),
                    _ => throw new InvalidOperationException($"Unexpected event {e.EventTypeName} in position {query.Key}."),
                };
                changes.Add(new Change(e.Version, e.Sequence, kind, e.Timestamp, e.UserName, e.CorrelationId, reason, standing, after, withdrawnOn));
                standing = after;
            }

            return changes;
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/issues/{issue}/positions/{stakeholder}/history",
                async (string process, string issue, string stakeholder, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(Position.KeyFor(process, issue, stakeholder)), ct)))
            .WithName("GetPositionHistory")
            .WithSummary("Every change to a position, with who, when and why")
            .WithDescription("Kinds: Stated, Revised (a real shift), Corrected (a recording mistake, not a shift), Withdrawn. Each with the content before and after.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
