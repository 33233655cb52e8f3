using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.EventStore;
using Marten;
using Mediator;

namespace Consultation.Stakeholders.Reading;

/// <summary>One stakeholder as the record stands, with its version as ETag.</summary>
public static class GetStakeholder
{
    public sealed record Query(string Key) : IQuery<StakeholderDetails>;

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, StakeholderDetails>
    {
        public async ValueTask<StakeholderDetails> Handle(Query query, CancellationToken cancellationToken) =>
            await session.LoadAsync<StakeholderDetails>(query.Key, cancellationToken)
            ?? throw new StreamNotFound("Stakeholder", query.Key);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/stakeholders/{key}", async (string key, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new Query(key), ct);
                http.Response.Headers.ETag = ETags.For(details.Version);
                return TypedResults.Ok(details);
            })
            .WithName("GetStakeholder")
            .WithSummary("Fetch one stakeholder")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
