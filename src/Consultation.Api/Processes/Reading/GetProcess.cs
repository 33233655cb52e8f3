namespace Consultation.Processes.Reading;

/// <summary>A process as the record stands: phases, co-facilitators, issues.</summary>
public static class GetProcess
{
    public sealed record Query(string Key, string? AsOf = null) : IQuery<ProcessDetails>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(x => x.AsOf).AsOfTimestamp();
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, ProcessDetails>
    {
        public async ValueTask<ProcessDetails> Handle(Query query, CancellationToken cancellationToken) =>
            await DetailsAsOf.LoadAsync<ProcessDetails>(session, "Process", query.Key, query.AsOf, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/processes/{key}", async (string key, string? asOf, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new Query(key, asOf), ct);
                DetailsAsOf.SetETag(http, details.Version, asOf);
                return TypedResults.Ok(details);
            })
            .WithName("GetProcess")
            .WithSummary("Fetch a process with its phases, co-facilitators and issues")
            .WithDescription(DetailsAsOf.AsOfDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
