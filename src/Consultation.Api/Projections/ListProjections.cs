using JasperFx.Events.Projections;

namespace Consultation.Projections;

/// <summary>Every projection with its lifecycle, the documents it writes and how far it has processed the events.</summary>
public static class ListProjections
{
    public sealed record Query : IQuery<ProjectionsOverview>;

    public sealed record ProjectionsOverview(long HeadSequence, Guid? RebuildRunning, IReadOnlyList<ProjectionOverview> Projections);

    public sealed record ProjectionOverview(string Name, ProjectionLifecycle Lifecycle, IReadOnlyList<string> DocumentTypes, long Sequence, long HeadSequence, long Behind);

    public sealed class Handler(IDocumentStore store, RebuildQueue queue) : IQueryHandler<Query, ProjectionsOverview>
    {
        public async ValueTask<ProjectionsOverview> Handle(Query query, CancellationToken cancellationToken)
        {
            var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
            var head = await ProjectionPositions.HeadAsync(store, cancellationToken);
            var projections = ProjectionCatalog.All(store)
                .Select(p =>
                {
                    var sequence = ProjectionPositions.SequenceOf(p, head, progress);
                    return new ProjectionOverview(p.Name, p.Lifecycle, p.DocumentTypeNames, sequence, head, Math.Max(0, head - sequence));
                })
                .ToList();
            return new ProjectionsOverview(head, queue.Active?.Id, projections);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/admin/projections", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
            .WithName("ListProjections")
            .WithTag("Administration", ProjectionsModule.AdministrationTag)
            .WithSummary("Every projection: name, lifecycle (inline or async), document types, and its sequence against the head sequence")
            .WithDescription("Inline projections are written in the same transaction as the events, so they are always at the head; "
                + "an async projection is at the sequence its daemon shard has processed. 'rebuildRunning' is the id of a rebuild in progress, if any.");
}
