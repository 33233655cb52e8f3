using Consultation.Infrastructure.Resilience;
using JasperFx.Events.Daemon;
using Marten.Pagination;

namespace Consultation.Projections;

/// <summary>
/// What the async daemon could not do: shards paused or stopped by an error (with the event they could not apply), and any
/// dead-lettered events (events a projection skipped; none unless skipping is switched on), newest first, in pages.
/// </summary>
public static class ListProjectionFailures
{
    public sealed record Query(int Page, int PageSize) : IQuery<ProjectionFailuresReport>;

    public sealed record ProjectionFailuresReport(bool DaemonRunning, IReadOnlyList<PausedProjection> Paused, Page<DeadLetter> DeadLetters);

    public sealed record DeadLetter(string Projection, string Shard, long Sequence, DateTimeOffset RecordedAt, string ExceptionType, string Message);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<DeadLetter>.MaxSize);
        }
    }

    public sealed class Handler(IQuerySession session, Marten.Events.Daemon.Coordination.IProjectionCoordinator coordinator) : IQueryHandler<Query, ProjectionFailuresReport>
    {
        public async ValueTask<ProjectionFailuresReport> Handle(Query query, CancellationToken cancellationToken)
        {
            var daemon = coordinator.DaemonForMainDatabase();
            var letters = await session.Query<DeadLetterEvent>()
                .OrderByDescending(x => x.EventSequence)
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            var deadLetters = letters
                .Select(d => new DeadLetter(d.ProjectionName, d.ShardName, d.EventSequence, d.Timestamp, d.ExceptionType, d.ExceptionMessage))
                .ToList();
            return new ProjectionFailuresReport(
                daemon.IsRunning,
                ProjectionFailures.Paused(daemon),
                new Page<DeadLetter>(deadLetters, query.Page, query.PageSize, letters.TotalItemCount));
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/admin/projections/failures",
                async (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(page ?? 1, pageSize ?? Page<DeadLetter>.DefaultSize), ct)))
            .WithName("ListProjectionFailures")
            .WithTag("Administration", ProjectionsModule.AdministrationTag)
            .WithSummary("Async projections the daemon paused after an error, and dead-lettered events")
            .WithDescription("'paused': each shard paused or stopped, the sequence it reached, the error and the event it could not apply "
                + "(readiness is unhealthy while any is listed). 'deadLetters': events a projection skipped, newest first; paged: page (from 1), "
                + "pageSize (1-200, default 50). Fix the cause (or the projection), then rebuild the projection or restart the service.")
            .ProducesValidationProblem();
}
