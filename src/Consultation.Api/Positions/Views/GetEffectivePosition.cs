using Consultation.Stakeholders;

namespace Consultation.Positions.Views;

/// <summary>
/// A stakeholder's standing position on an issue, its own or inherited from a group it belonged to on the group
/// position's stated-on date (<see cref="Inheritance"/>), on both as-of axes (<see cref="TimeAxes"/>). 404 when it
/// has none (never stated, withdrawn, or not yet stated at that point of either timeline).
/// </summary>
public static class GetEffectivePosition
{
    public sealed record Query(string Process, string Issue, string Stakeholder, string? AsOf, string? StatedBy) : IQuery<PositionView>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.Issue).Slug();
            RuleFor(x => x.Stakeholder).Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule);
            RuleFor(x => x.AsOf).AsOfTimestamp();
            RuleFor(x => x.StatedBy).IsoDate();
        }
    }

    public sealed class Handler(IQuerySession session, TimeProvider time) : IQueryHandler<Query, PositionView>
    {
        public async ValueTask<PositionView> Handle(Query query, CancellationToken cancellationToken)
        {
            await session.RequireProcessAsync(query.Process, query.Issue, cancellationToken);
            var stakeholder = await session.LoadAsync<StakeholderDetails>(query.Stakeholder, cancellationToken)
                ?? throw new StreamNotFound("Stakeholder", query.Stakeholder);
            var axes = TimeAxes.Parse(query.AsOf, query.StatedBy);

            string[] keys =
            [
                Position.KeyFor(query.Process, query.Issue, stakeholder.Id),
                .. stakeholder.Groups.Select(g => Position.KeyFor(query.Process, query.Issue, g.Group)).Distinct(StringComparer.Ordinal),
            ];
            var rows = await session.Query<PositionVersion>()
                .Where(x => x.PositionKey.IsOneOf(keys))
                .StandingAt(axes)
                .ToListAsync(cancellationToken);

            return Inheritance.Resolve(rows, [stakeholder], Inheritance.DateAskedAbout(axes, time)).TryGetValue(stakeholder.Id, out var effective)
                ? PositionView.From(effective)
                : throw new StreamNotFound("Position", keys[0]);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/issues/{issue}/positions/{stakeholder}/effective",
                async (string process, string issue, string stakeholder, string? asOf, string? statedBy, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(process, issue, stakeholder, asOf, statedBy), ct)))
            .WithName("GetEffectivePosition")
            .WithSummary("A stakeholder's standing position on an issue, own or inherited from a group")
            .WithDescription("Inherited (inherited: true, inheritedFrom, inheritedSince) when the stakeholder has no standing position of its own and belonged to a group "
                + "both on the date the group's position was stated and on the date asked about (statedBy, else today). " + PositionViewRules.AxesDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
