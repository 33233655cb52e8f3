namespace Consultation.Projections;

/// <summary>The status of a rebuild this service ran or is running: state, per-projection progress, start, end, error.</summary>
public static class GetRebuild
{
    public sealed record Query(Guid Id) : IQuery<RebuildStatus>;

    public sealed class Handler(RebuildQueue queue) : IQueryHandler<Query, RebuildStatus>
    {
        public ValueTask<RebuildStatus> Handle(Query query, CancellationToken cancellationToken) =>
            ValueTask.FromResult(queue.Find(query.Id)?.Status() ?? throw new StreamNotFound("Rebuild", query.Id.ToString()));
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/admin/projections/rebuilds/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(id), ct)))
            .WithName("GetProjectionRebuild")
            .WithTag("Administration", ProjectionsModule.AdministrationTag)
            .WithSummary("The status of a projection rebuild: queued, running, succeeded or failed, with each projection's progress")
            .WithDescription("Progress is the global sequence each projection has replayed up to, against the head sequence. "
                + "The service keeps the last 100 rebuilds in memory; the durable record is the ProjectionsRebuilt event on 'audit:rebuilds'.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
