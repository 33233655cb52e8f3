namespace Consultation.Audit.Listing;

/// <summary>The global event log, filtered and paged by global sequence (a cursor, so pages never shift as events arrive).</summary>
public static class ListEvents
{
    public sealed record Query : AuditFilterRequest, IQuery<AuditLogPage>;

    /// <summary><see cref="NextAfterSequence"/> is the cursor for the next page, null on the last one.</summary>
    public sealed record AuditLogPage(IReadOnlyList<AuditEntry> Items, long? NextAfterSequence);

    public sealed class Validator : AuditFilterRules<Query>
    {
        public Validator()
            : base(AuditFilterRequest.MaxLimit)
        {
        }
    }

    public sealed class Handler(IDocumentStore store) : IQueryHandler<Query, AuditLogPage>
    {
        public async ValueTask<AuditLogPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var filter = query.ToFilter(AuditFilterRequest.DefaultLimit);
            var limit = filter.Limit!.Value;
            var items = new List<AuditEntry>(limit + 1);
            await foreach (var entry in AuditLog.QueryAsync(store, filter with { Limit = limit + 1 }, cancellationToken))
            {
                items.Add(entry);
            }

            if (items.Count <= limit)
            {
                return new AuditLogPage(items, null);
            }

            items.RemoveAt(limit);
            return new AuditLogPage(items, items[^1].Sequence);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/audit/events", async ([AsParameters] Query query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListAuditEvents")
            .WithSummary("The global event log, filtered, paged by global sequence")
            .WithDescription("Filters: from (inclusive) and to (exclusive) ISO timestamps of recording, user, type (e.g. position_stated or PositionStated), "
                + "process (its own streams and all under it), streamKind (stakeholder, process, meeting, submission, position, area, settings, audit, reserved). "
                + "Paging: afterSequence (cursor, default 0) and limit (1–1000, default 100); pass nextAfterSequence back for the next page.")
            .ProducesValidationProblem();
}
