namespace Consultation.Convergence.Areas.Reading;

/// <summary>An area of convergence as the record stands: status and its history, linked issues, divergences, confirmations, version.</summary>
public static class GetArea
{
    /// <summary><see cref="Key"/> is the stream key, <c>{process}/area:{area}</c>.</summary>
    public sealed record Query(string Key, string? AsOf = null) : IQuery<AreaDetails>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(x => x.AsOf).AsOfTimestamp();
    }

    public static string Route(AreaDetails area) => $"/processes/{area.Process}/areas/{area.Area}";

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, AreaDetails>
    {
        public async ValueTask<AreaDetails> Handle(Query query, CancellationToken cancellationToken) =>
            await DetailsAsOf.LoadAsync<AreaDetails>(session, "Area", query.Key, query.AsOf, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/processes/{key}/areas/{area}", async (string key, string area, string? asOf, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new Query(Area.KeyOf(key, area), asOf), ct);
                DetailsAsOf.SetETag(http, details.Version, asOf);
                return TypedResults.Ok(details);
            })
            .WithName("GetArea")
            .WithSummary("Fetch an area of convergence")
            .WithDescription(DetailsAsOf.AsOfDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
