using Consultation.Infrastructure.Database;

namespace Consultation.Projections;

/// <summary>
/// Compare every live projection with a rebuild from the events at one snapshot, in a scratch schema dropped afterwards.
/// Synchronous: the request lasts as long as a full rebuild of a copy (seconds for thousands of events; use the command
/// line for large records). Refused while a rebuild runs, whose half-built projections would all differ.
/// </summary>
public static class VerifyProjections
{
    public sealed record Command : ICommand<VerificationReport>;

    public sealed class Handler(IDocumentStore store, StoreConfiguration configuration, ConsultationDatabase database, RebuildQueue queue, TimeProvider time, ILogger<Handler> logger)
        : ICommandHandler<Command, VerificationReport>
    {
        public async ValueTask<VerificationReport> Handle(Command command, CancellationToken cancellationToken)
        {
            if (queue.Active is { } rebuild)
            {
                throw new DomainRuleViolation(
                    $"A rebuild is running ({rebuild.Id}): the projections are being rewritten. Verify after it has finished ({RebuildProjections.StatusPath(rebuild.Id)}).");
            }

            var report = await ProjectionVerifier.VerifyAsync(
                store, configuration, database.ConnectionString, time, message => logger.LogInformation("Verify projections: {Message}", message), null, cancellationToken);
            logger.LogInformation(
                "Verified projections up to sequence {Head}: {Compared} documents, {Differences} differences",
                report.HeadSequence, report.DocumentsCompared, report.TotalDifferences);
            return report;
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/admin/projections/verify", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Command(), ct)))
            .WithName("VerifyProjections")
            .WithTag("Administration", ProjectionsModule.AdministrationTag)
            .WithSummary("Compare every live projection with a rebuild from the events, document by document")
            .WithDescription("Copies the events and the live projection tables at one snapshot into a scratch schema, rebuilds every projection there, "
                + "compares each document's JSON by id and drops the scratch schema. 'identical' is false when a document is missing, extra or different "
                + "(each listed with projection, document type, id and differing JSON paths; the first 1000, 'totalDifferences' counts all) or a projection "
                + "could not be rebuilt. Async projections that had not caught up within 15 s are reported as 'Behind' and not compared. "
                + "Synchronous: it takes as long as rebuilding a copy of the record. 409 while a rebuild runs.")
            .ProducesProblem(StatusCodes.Status409Conflict);
}
