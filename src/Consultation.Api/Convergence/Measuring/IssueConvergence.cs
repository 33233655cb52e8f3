using Consultation.Convergence.Measuring.Grouping;
using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Positions.Views;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Convergence.Measuring;

/// <summary>
/// The measured convergence of an issue (<see cref="ConvergenceMeasure"/>), computed on read from the indexed position
/// versions — the same effective positions, own or inherited, as the issue's matrix — on both as-of axes
/// (<see cref="TimeAxes"/>), judged by the process's thresholds (the defaults unless it set its own), with its inputs,
/// holdouts, swing stakeholders and <see cref="Freshness"/>.
/// </summary>
public static class IssueConvergence
{
    public sealed record Query(string Process, string Issue, string? AsOf, string? StatedBy, string? Grouping = null) : IQuery<Answer>;

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
            RuleFor(x => x.Grouping).GroupingName();
        }
    }

    /// <summary>
    /// The record now (or as stated by a day): one batch of freshness, title, thresholds and the changes to the measures
    /// kept by <see cref="Live.LiveMeasures"/> (the only round trip when the issue has not changed). As of a recorded moment, two round
    /// trips: one batch of the independent reads (freshness first, so the measure reflects at least those events;
    /// the issue's title (<see cref="IssueHeading"/>); the thresholds; the accredited stakeholders; the issue's standing rows), then the stakeholders holding
    /// those rows and the members of groups among them.
    /// </summary>
    public sealed class Handler(IQuerySession session, TimeProvider time, Live.LiveMeasures liveMeasures) : IQueryHandler<Query, Answer>
    {
        public async ValueTask<Answer> Handle(Query query, CancellationToken cancellationToken)
        {
            var axes = TimeAxes.Parse(query.AsOf, query.StatedBy);
            var batch = session.CreateBatchQuery();
            var freshness = Freshness.Enlist(batch, session.DocumentStore, axes.AsOf);
            var heading = IssueHeading.Enlist(batch, session.DocumentStore, query.Process, query.Issue);
            var settings = MeasureInputs.Settings(batch, query.Process, axes.AsOf);
            if (axes.AsOf is not null)
            {
                var accredited = MeasureInputs.Accredited(batch, session.DocumentStore, query.Process, axes, time.GetUtcNow());
                var standing = StandingRows.Enlist(batch, session.DocumentStore, query.Process, [query.Issue], axes);
                await batch.Execute(cancellationToken);
                var then = await settings();
                var measured = await MeasureInputs.MeasureAsync(
                    session, [query.Issue], await standing(), await accredited(), then.RulesFor(query.Grouping), cancellationToken);
                return new Answer(
                    query.Process, query.Issue, (await heading()).Title!, axes.AsOf, axes.StatedBy, then.IsDefault, measured[query.Issue].Measure, await freshness());
            }

            var read = new Live.LiveRead();
            liveMeasures.Enlist(batch, session.DocumentStore, query.Process, read);
            await batch.Execute(cancellationToken);
            var current = await settings();
            var title = (await heading()).Title!;
            var live = await liveMeasures.MeasureAsync(session, query.Process, [query.Issue], axes.StatedBy, current.RulesFor(query.Grouping), cancellationToken, read);
            return new Answer(query.Process, query.Issue, title, null, axes.StatedBy, current.IsDefault, live.Measures[query.Issue].Measure, await freshness());
        }
    }

    /// <summary>The thresholds in force at <paramref name="asOf"/> (<see cref="MeasureInputs.Settings"/>), in a round trip of their own.</summary>
    public static async Task<ConvergenceSettings> SettingsAsync(IQuerySession session, string process, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var settings = MeasureInputs.Settings(batch, process, asOf);
        await batch.Execute(cancellationToken);
        return await settings();
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/issues/{issue}/convergence",
                async (string process, string issue, string? asOf, string? statedBy, string? grouping, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(process, issue, asOf, statedBy, grouping), ct)))
            .WithName("GetIssueConvergence")
            .WithSummary("Measured convergence of an issue: counts, shares, coverage, per-group support, GIC, level, holdouts, swing stakeholders")
            .WithDescription("Over the effective positions (own or inherited) on the issue; judged by the process's thresholds (defaults unless set). "
                + "Every input is in the answer (groups with their counts and p_g, thresholds, the reason for the level); freshness says which "
                + "event sequence it reflects and whether async projections are behind. " + PositionViewRules.AxesDescription + " " + GroupingRules.Description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
