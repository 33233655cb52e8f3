using Consultation.Stakeholders;

namespace Consultation.Positions.Views;

/// <summary>
/// A stakeholder's standing positions on every issue of a process, own or inherited from its groups
/// (<see cref="Inheritance"/>), ordered by issue key, on both as-of axes (<see cref="TimeAxes"/>).
/// One indexed query for the rows of the stakeholder and of every group it ever belonged to.
/// </summary>
public static class StakeholderPositions
{
    public sealed record Query(string Process, string Stakeholder, string? AsOf, string? StatedBy) : IQuery<IReadOnlyList<PositionView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.Stakeholder).Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule);
            RuleFor(x => x.AsOf).AsOfTimestamp();
            RuleFor(x => x.StatedBy).IsoDate();
        }
    }

    public sealed class Handler(IQuerySession session, TimeProvider time) : IQueryHandler<Query, IReadOnlyList<PositionView>>
    {
        public async ValueTask<IReadOnlyList<PositionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            await session.RequireProcessAsync(query.Process, null, cancellationToken);
            var stakeholder = await session.LoadAsync<StakeholderDetails>(query.Stakeholder, cancellationToken)
                ?? throw new StreamNotFound("Stakeholder", query.Stakeholder);
            var axes = TimeAxes.Parse(query.AsOf, query.StatedBy);

            string[] owners = [stakeholder.Id, .. stakeholder.Groups.Select(g => g.Group).Distinct(StringComparer.Ordinal)];
            var rows = await session.Query<PositionVersion>()
                .Where(x => x.Process == query.Process && x.Stakeholder.IsOneOf(owners))
                .StandingAt(axes)
                .ToListAsync(cancellationToken);

            return
            [
                .. rows.GroupBy(r => r.Issue, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .SelectMany(issue => Inheritance.Resolve(issue, [stakeholder], Inheritance.DateAskedAbout(axes, time)).TryGetValue(stakeholder.Id, out var effective)
                        ? [PositionView.From(effective)]
                        : Array.Empty<PositionView>()),
            ];
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/stakeholders/{stakeholder}/positions",
                async (string process, string stakeholder, string? asOf, string? statedBy, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(process, stakeholder, asOf, statedBy), ct)))
            .WithName("ListStakeholderPositions")
            .WithSummary("A stakeholder's positions on every issue of a process, own or inherited")
            .WithDescription(PositionViewRules.AxesDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
