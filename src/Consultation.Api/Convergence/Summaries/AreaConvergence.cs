using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Grouping;
using Consultation.Positions.Views;

namespace Consultation.Convergence.Summaries;

/// <summary>
/// An area of convergence beside its evidence on both axes (<see cref="TimeAxes"/>: as the record stood at <c>asOf</c>,
/// now when absent; with <c>statedBy</c>, what had been said and done by that day — the area's own events by their dates,
/// see <see cref="ConvergenceSnapshot.HappenedBy"/>): the facilitator's status, linked issues and noted divergences as they were then, and the linked issues' measures combined by
/// <see cref="AreaCombination"/> (the weakest linked issue decides), with the positions supporting and contradicting
/// the area and the claim/evidence disagreement flag.
/// </summary>
public static class AreaConvergence
{
    public sealed record Query(string Process, string Area, string? AsOf, string? StatedBy = null, string? Grouping = null) : IQuery<Answer>;

    public sealed record Answer(
        string Process,
        string Area,
        string Title,
        string Description,
        DateTimeOffset? AsOf,
        DateOnly? StatedBy,
        AreaStatus Status,
        IReadOnlyList<AreaStatusChange> StatusHistory,
        IReadOnlyList<DivergenceDetails> Divergences,
        bool ThresholdsAreDefault,
        string Grouping,
        CombinedEvidence Evidence,
        Freshness Freshness);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.Area).Slug();
            RuleFor(x => x.AsOf).AsOfTimestamp();
            RuleFor(x => x.StatedBy).IsoDate();
            RuleFor(x => x.Grouping).GroupingName();
        }
    }

    public sealed class Handler(IQuerySession session, SettledSnapshots snapshots) : IQueryHandler<Query, Answer>
    {
        public async ValueTask<Answer> Handle(Query query, CancellationToken cancellationToken)
        {
            var axes = TimeAxes.Parse(query.AsOf, query.StatedBy);
            var process = await session.RequireProcessAsync(query.Process, null, cancellationToken);
            var freshness = await Freshness.ReadAsync(session, axes.AsOf, cancellationToken);
            var area = await ConvergenceSnapshot.RequireAreaAsync(session, process.Id, query.Area, axes, cancellationToken);
            var settings = await IssueConvergence.SettingsAsync(session, process.Id, axes.AsOf, cancellationToken);
            var snapshot = await snapshots.TakeAsync(session, process, axes, settings.RulesFor(query.Grouping), area.Issues, cancellationToken);
            return Of(area, snapshot, settings.IsDefault, freshness);
        }
    }

    public static Answer Of(AreaDetails area, ConvergenceSnapshot snapshot, bool thresholdsAreDefault, Freshness freshness) => new(
        area.Process,
        area.Area,
        area.Title,
        area.Description,
        snapshot.AsOf,
        snapshot.StatedBy,
        area.Status,
        area.StatusHistory,
        area.Divergences,
        thresholdsAreDefault,
        snapshot.Rules.Basis.Name,
        Evidence(area, snapshot),
        freshness);

    public static CombinedEvidence Evidence(AreaDetails area, ConvergenceSnapshot snapshot) =>
        AreaCombination.Combine(area.Status, [.. area.Issues.Where(snapshot.Issues.ContainsKey).Select(i => snapshot.Issues[i])]);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/areas/{area}/convergence",
                async (string process, string area, string? asOf, string? statedBy, string? grouping, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(process, area, asOf, statedBy, grouping), ct)))
            .WithName("GetAreaConvergence")
            .WithSummary("An area of convergence beside its evidence: the facilitator's status, the linked issues' measures combined, positions for and against, a disagreement flag")
            .WithDescription("The weakest linked issue decides the area's level (InsufficientData < Divergent < Emerging < BroadConvergence < Consensus; "
                + "ties by lower GICn, then key). Supporting: positions with stance ≥ +1 on the linked issues; contradicting: stance ≤ −1. "
                + "evidence.claim.disagrees is true when the area is Affirmed or ConfirmedInText while its level is Divergent or InsufficientData. "
                + "asOf (ISO 8601, recorded time): the area, positions and accreditations as the record stood then; statedBy (a date, valid time): "
                + "positions stated by then and the area's identification, affirmations, divergences, confirmations and dissolution dated by then "
                + "(issue links carry no date and apply as recorded); 404 if the area was not identified by then. " + GroupingRules.Description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
