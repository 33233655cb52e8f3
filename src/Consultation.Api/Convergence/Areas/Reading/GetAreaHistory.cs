using JasperFx.Events;

namespace Consultation.Convergence.Areas.Reading;

/// <summary>Every change to an area of convergence: what kind, when recorded and by whom, under which correlation id, why, and the event itself.</summary>
public static class GetAreaHistory
{
    public enum ChangeKind
    {
        Identified,
        Affirmed,
        IssueLinked,
        IssueUnlinked,
        DivergenceNoted,
        ConfirmedInText,
        Dissolved,
    }

    public sealed record Query(string Key) : IQuery<IReadOnlyList<Change>>;

    /// <summary><see cref="Data"/> is the event as recorded; <see cref="Reason"/> the why, where the event has one.</summary>
    public sealed record Change(
        long Version,
        long Sequence,
        ChangeKind Kind,
        DateTimeOffset RecordedAt,
        string? RecordedBy,
        string? CorrelationId,
        string? Reason,
        object Data);

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, IReadOnlyList<Change>>
    {
        public async ValueTask<IReadOnlyList<Change>> Handle(Query query, CancellationToken cancellationToken)
        {
            var events = await session.Events.FetchStreamAsync(query.Key, token: cancellationToken);
            if (events.Count == 0)
            {
                throw new StreamNotFound("Area", query.Key);
            }

            return [.. events.Select(e => ToChange(e, query.Key))];
        }
    }

    private static Change ToChange(IEvent e, string key)
    {
        var (kind, reason) = e.Data switch
        {
            AreaIdentified => (ChangeKind.Identified, (string?)null),
            AreaAffirmed x => (ChangeKind.Affirmed, x.Note),
            IssueLinkedToArea x => (ChangeKind.IssueLinked, x.Reason),
            IssueUnlinkedFromArea x => (ChangeKind.IssueUnlinked, x.Reason),
            DivergenceNoted => (ChangeKind.DivergenceNoted, null),
            AreaConfirmedInText => (ChangeKind.ConfirmedInText, null),
            AreaDissolved x => (ChangeKind.Dissolved, x.Reason),
            _ => throw new InvalidOperationException($"Unexpected event {e.EventTypeName} in area {key}."),
        };
        return new Change(e.Version, e.Sequence, kind, e.Timestamp, e.UserName, e.CorrelationId, reason, e.Data);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{key}/areas/{area}/history",
                async (string key, string area, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(Area.KeyOf(key, area)), ct)))
            .WithName("GetAreaHistory")
            .WithSummary("Every change to an area of convergence, with who, when and why")
            .WithDescription("Kinds: Identified, Affirmed, IssueLinked, IssueUnlinked, DivergenceNoted, ConfirmedInText, Dissolved; each with the event as recorded in 'data'.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
