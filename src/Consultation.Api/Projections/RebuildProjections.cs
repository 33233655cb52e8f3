using Consultation.Infrastructure.Pipeline;

namespace Consultation.Projections;

/// <summary>
/// Rebuild every projection (or the ones named) from the events, in the background: answers 202 with the status resource
/// to follow. One rebuild at a time; the finished rebuild is recorded on <c>audit:rebuilds</c> as whoever asked.
/// </summary>
public static class RebuildProjections
{
    public sealed record Command(IReadOnlyList<string>? Projections) : ICommand<RebuildStatus>;

    public sealed class Validator : AbstractValidator<Command>
    {
        /// <remarks>The store is resolved when a name is checked, not when the validator is made: describing the rules (the OpenAPI document) needs no database.</remarks>
        public Validator(IServiceProvider services) =>
            RuleForEach(x => x.Projections)
                .Must(name => ProjectionCatalog.All(services.GetRequiredService<IDocumentStore>()).Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                .WithMessage((_, name) => $"'{name}' is not a projection. Known projections: {string.Join(", ", ProjectionCatalog.All(services.GetRequiredService<IDocumentStore>()).Select(p => p.Name))}.");
    }

    public sealed class Handler(RebuildQueue queue, IDocumentStore store, RequestContext context, TimeProvider time)
        : ICommandHandler<Command, RebuildStatus>
    {
        public ValueTask<RebuildStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var projections = ProjectionCatalog.Select(store, command.Projections).Select(p => p.Name).ToList();
            var run = new RebuildRun(Guid.NewGuid(), projections, new Requester(context.UserName, context.DisplayName, context.Role, context.CorrelationId), time);
            if (!queue.TryEnqueue(run, out var active))
            {
                throw new DomainRuleViolation(
                    $"A rebuild is already running ({active!.Id}); follow it at {StatusPath(active.Id)} and ask again when it has finished.");
            }

            return ValueTask.FromResult(run.Status());
        }
    }

    public static string StatusPath(Guid id) => $"/admin/projections/rebuilds/{id}";

    /// <summary>The body is optional: no body (or no list) rebuilds every projection.</summary>
    public sealed record Request(IReadOnlyList<string>? Projections);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/admin/projections/rebuild", async (Request? request, IMediator mediator, CancellationToken ct) =>
            {
                var status = await mediator.Send(new Command(request?.Projections), ct);
                return TypedResults.Accepted(StatusPath(status.Id), status);
            })
            .WithName("RebuildProjections")
            .WithTag("Administration", ProjectionsModule.AdministrationTag)
            .WithSummary("Rebuild projections from the events, in the background")
            .WithDescription("Body (optional): {\"projections\": [\"StakeholderDetails\", ...]}; without it every projection is rebuilt. "
                + "Answers 202 with the status resource in Location; 409 while another rebuild runs. Reads of the projections being rebuilt "
                + "may be incomplete until it finishes. The finished rebuild is recorded as a ProjectionsRebuilt event on 'audit:rebuilds'.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
