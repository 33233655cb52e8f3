using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Infrastructure.Validation;
using Consultation.Positions.Views;
using Consultation.Processes;
using Consultation.Stakeholders;
using FluentValidation;
using Marten;
using Mediator;

namespace Consultation.Convergence.Measuring;

/// <summary>
/// The measured convergence of an issue (<see cref="ConvergenceMeasure"/>), computed on read from the indexed position
/// versions — the same effective positions, own or inherited, as the issue's matrix — on both as-of axes
/// (<see cref="TimeAxes"/>), judged by the process's thresholds (the defaults unless it set its own), with its inputs,
/// holdouts, swing stakeholders and <see cref="Freshness"/>.
/// </summary>
public static class IssueConvergence
{
    public sealed record Query(string Process, string Issue, string? AsOf, string? StatedBy) : IQuery<Answer>;

    public sealed record Answer(
        string Process,
        string Issue,
        string Title,
        DateTimeOffset? AsOf,
        DateOnly? StatedBy,
        bool ThresholdsAreDefault,
        IssueMeasure Measure,
        Freshness Freshness);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.Issue).Slug();
            RuleFor(x => x.AsOf).AsOfTimestamp();
            RuleFor(x => x.StatedBy).IsoDate();
        }
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, Answer>
    {
        public async ValueTask<Answer> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await session.RequireProcessAsync(query.Process, query.Issue, cancellationToken);
            var axes = TimeAxes.Parse(query.AsOf, query.StatedBy);
            var freshness = await Freshness.ReadAsync(session, axes.AsOf, cancellationToken);
            var settings = await SettingsAsync(session, process.Id, axes.AsOf, cancellationToken);
            var accredited = await AccreditedAsync(session, process.Id, axes, cancellationToken);
            var measure = await MeasureAsync(session, process.Id, query.Issue, axes, accredited, settings.Thresholds, cancellationToken);
            return new Answer(process.Id, query.Issue, process.Issue(query.Issue)!.Title, axes.AsOf, axes.StatedBy, settings.IsDefault, measure, freshness);
        }
    }

    public static async Task<IssueMeasure> MeasureAsync(
        IQuerySession session,
        string process,
        string issue,
        TimeAxes axes,
        IReadOnlyList<AccreditedStakeholder> accredited,
        ConvergenceThresholds thresholds,
        CancellationToken cancellationToken)
    {
        var effective = await session.EffectivePositionsAsync(process, issue, axes, cancellationToken);
        var positions = effective.Select(x => new MeasuredPosition(
            x.Effective.Stakeholder,
            x.Details.Kind,
            x.Details.RegionalGroup,
            x.Effective.Row.Stance,
            x.Effective.Row.Conditions,
            x.Effective.InheritedFrom));
        return ConvergenceMeasure.Measure(positions, accredited, thresholds);
    }

    /// <summary>
    /// The thresholds in force at <paramref name="asOf"/> (recorded time; now when null): a view replayed as of a moment
    /// judges levels as it did then, before any later change of thresholds.
    /// </summary>
    public static async Task<ConvergenceSettings> SettingsAsync(IQuerySession session, string process, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var key = ConvergenceSettings.KeyFor(process);
        var settings = asOf is { } at
            ? await session.Events.AggregateStreamAsync<ConvergenceSettings>(key, timestamp: at, token: cancellationToken)
            : await session.LoadAsync<ConvergenceSettings>(key, cancellationToken);
        return settings ?? ConvergenceSettings.Defaults(process);
    }

    /// <summary>
    /// The stakeholders accredited to the process on both axes: accreditations recorded by <c>asOf</c> (from the events
    /// themselves, so the answer is exact) and, with <c>statedBy</c>, accredited on or before that date. Kind and regional
    /// group come from the stakeholder record (they never change after registration). One query: the stakeholder
    /// records whose accreditation events match.
    /// </summary>
    public static async Task<IReadOnlyList<AccreditedStakeholder>> AccreditedAsync(
        IQuerySession session, string process, TimeAxes axes, CancellationToken cancellationToken)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var type = ((Marten.Events.EventGraph)session.DocumentStore.Options.Events).EventMappingFor(typeof(StakeholderAccredited)).EventTypeName;
        var at = axes.AsOf ?? DateTimeOffset.MaxValue;
        var accreditations = $"select e.stream_id from {schema}.mt_events e where e.type = ? and e.data ->> 'processKey' = ? and e.timestamp <= ?";
        var details = axes.StatedBy is { } by
            ? await session.QueryAsync<StakeholderDetails>(
                $"where d.id in ({accreditations} and (e.data ->> 'accreditedOn')::date <= ?)", cancellationToken, type, process, at, by)
            : await session.QueryAsync<StakeholderDetails>($"where d.id in ({accreditations})", cancellationToken, type, process, at);
        return [.. details.Select(d => new AccreditedStakeholder(d.Id, d.Kind, d.RegionalGroup))];
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/issues/{issue}/convergence",
                async (string process, string issue, string? asOf, string? statedBy, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(process, issue, asOf, statedBy), ct)))
            .WithName("GetIssueConvergence")
            .WithSummary("Measured convergence of an issue: counts, shares, coverage, per-group support, GIC, level, holdouts, swing stakeholders")
            .WithDescription("Over the effective positions (own or inherited) on the issue; judged by the process's thresholds (defaults unless set). "
                + "Every input is in the answer (groups with their counts and p_g, thresholds, the reason for the level); freshness says which "
                + "event sequence it reflects and whether async projections are behind. " + PositionViewRules.AxesDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
