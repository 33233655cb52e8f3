using Consultation.Infrastructure.Errors;
using Marten;
using Mediator;

namespace Consultation.Audit.Reading;

/// <summary>Every event of one stream, of any kind, in order: who recorded it under which correlation id, why, and the payload.</summary>
public static class GetStreamHistory
{
    public sealed record Query(string Key) : IQuery<IReadOnlyList<AuditEntry>>;

    public sealed class Handler(IDocumentStore store) : IQueryHandler<Query, IReadOnlyList<AuditEntry>>
    {
        public async ValueTask<IReadOnlyList<AuditEntry>> Handle(Query query, CancellationToken cancellationToken)
        {
            var entries = new List<AuditEntry>();
            await foreach (var entry in AuditLog.StreamAsync(store, query.Key, cancellationToken))
            {
                entries.Add(entry);
            }

            return entries.Count == 0 ? throw new StreamNotFound("Stream", query.Key) : entries;
        }
    }

    /// <summary>The key is the rest of the path, slashes and colons included: <c>/audit/streams/gcm/area:return</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/audit/streams/{**key}",
                async (string key, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(Uri.UnescapeDataString(key)), ct)))
            .WithName("GetStreamHistory")
            .WithSummary("Every event of one stream, in order, with who, when, why and the payload")
            .WithDescription("The stream key is the rest of the path (e.g. /audit/streams/gcm/return/MEX for a position, /audit/streams/gcm/area:return for an area).")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
