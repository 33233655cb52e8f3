using Consultation.Infrastructure.Pipeline;

namespace Consultation.Stakeholders.Reading;

/// <summary>One stakeholder as the record stands, with its version as ETag.</summary>
public static class GetStakeholder
{
    public sealed record Query(string Key, string? AsOf = null) : IQuery<StakeholderDetails>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(x => x.AsOf).AsOfTimestamp();
    }

    public sealed class Handler(IQuerySession session, RequestContext context) : IQueryHandler<Query, StakeholderDetails>
    {
        public async ValueTask<StakeholderDetails> Handle(Query query, CancellationToken cancellationToken) =>
            (await DetailsAsOf.LoadAsync<StakeholderDetails>(session, "Stakeholder", query.Key, query.AsOf, cancellationToken)).VisibleTo(context.Processes);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/stakeholders/{key}", async (string key, string? asOf, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new Query(key, asOf), ct);
                DetailsAsOf.SetETag(http, details.Version, asOf);
                return TypedResults.Ok(details);
            })
            .WithName("GetStakeholder")
            .WithSummary("Fetch one stakeholder")
            .WithDescription(DetailsAsOf.AsOfDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
