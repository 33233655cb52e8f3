using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Infrastructure.Validation;
using Consultation.Positions.Views;
using Consultation.Processes;
using FluentValidation;
using Marten;
using Mediator;

namespace Consultation.Convergence.Summaries;

/// <summary>
/// The convergence dashboard of a process as the record stood at <c>asOf</c> (now when absent): issues ranked by
/// convergence, areas with their status, evidence level and disagreement flag, movers, and totals.
/// <list type="bullet">
/// <item><b>Ranking</b>: level (Consensus first), then GICn (higher first; none last), then issue key (ordinal). Issues
/// tabled by <c>asOf</c>, retired ones included.</item>
/// <item><b>Movers</b>, over issues tabled at both moments: <see cref="Answer.MoversAtLastMeeting"/> — level at the close of the
/// last meeting closed by <c>asOf</c> (latest <c>ClosedAt</c>) against the close of the one closed before it (what the
/// last meeting changed); <see cref="Answer.MoversSinceLastMeeting"/> — level at <c>asOf</c> against the close of the
/// last meeting (what changed since). Empty, with the missing end null, when too few meetings have closed.</item>
/// <item><b>Totals</b>: issues by level, counted positions (own or inherited; blocs' own not counted again) summed over
/// the issues, and distinct stakeholders with a counted position on any issue.</item>
/// </list>
/// </summary>
public static class ProcessConvergence
{
    public sealed record Query(string Process, string? AsOf) : IQuery<Answer>;

    public sealed record RankedIssue(
        int Rank,
        string Issue,
        string Title,
        ConvergenceLevel Level,
        string Reason,
        double? Gicn,
        double? SupportShare,
        double? OppositionShare,
        int Positions,
        GroupSupport? WeakestGroup);

    public sealed record AreaRow(
        string Area,
        string Title,
        AreaStatus Status,
        IReadOnlyList<string> Issues,
        int DivergenceCount,
        ConvergenceLevel EvidenceLevel,
        string? DecidedBy,
        int SupportingCount,
        int ContradictingCount,
        ClaimCheck Claim);

    public sealed record Mover(string Issue, string Title, ConvergenceLevel From, ConvergenceLevel To, double? FromGicn, double? ToGicn, string Direction);

    /// <summary>Levels compared between two moments: <see cref="FromMeeting"/>'s close (or none) and <see cref="ToMeeting"/>'s close (or <c>asOf</c> when null).</summary>
    public sealed record Movers(MeetingClose? FromMeeting, MeetingClose? ToMeeting, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<Mover> Issues);

    public sealed record Totals(int Issues, LevelCounts IssuesByLevel, int Positions, int StakeholdersWithPositions);

    public sealed record Answer(
        string Process,
        DateTimeOffset? AsOf,
        bool ThresholdsAreDefault,
        IReadOnlyList<RankedIssue> Issues,
        IReadOnlyList<AreaRow> Areas,
        Movers MoversAtLastMeeting,
        Movers MoversSinceLastMeeting,
        Totals Totals,
        Freshness Freshness);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.AsOf).AsOfTimestamp();
        }
    }

    public sealed class Handler(IQuerySession session, SettledSnapshots snapshots) : IQueryHandler<Query, Answer>
    {
        public async ValueTask<Answer> Handle(Query query, CancellationToken cancellationToken)
        {
            var asOf = TimeAxes.ParseTimestamp(query.AsOf);
            var batch = session.CreateBatchQuery();
            var freshnessRead = Freshness.Enlist(batch, session.DocumentStore, asOf);
            var processRead = batch.Load<ProcessDetails>(query.Process);
            var settingsRead = MeasureInputs.Settings(batch, query.Process, asOf);
            var closesRead = ClosedMeetings.Enlist(batch, session.DocumentStore, query.Process, asOf);
            await batch.Execute(cancellationToken);

            var process = MeasureInputs.Require(await processRead, query.Process, null);
            var settings = await settingsRead();
            var snapshot = await snapshots.TakeAsync(session, process, asOf, settings.Thresholds, null, cancellationToken);
            var areas = await ConvergenceSnapshot.AreasAsync(session, process.Id, asOf, null, cancellationToken);

            var closes = await closesRead();
            var freshness = await freshnessRead();
            var byClose = closes.OrderBy(c => c.ClosedAt).ToList();
            var last = byClose.LastOrDefault();
            var previous = byClose.Count >= 2 ? byClose[^2] : null;
            var atLast = last is null ? null : await snapshots.TakeAsync(session, process, last.ClosedAt, settings.Thresholds, null, cancellationToken);
            var atPrevious = previous is null ? null : await snapshots.TakeAsync(session, process, previous.ClosedAt, settings.Thresholds, null, cancellationToken);

            return new Answer(
                process.Id,
                asOf,
                settings.IsDefault,
                Rank(snapshot),
                [.. areas.Select(a => Row(a, snapshot))],
                new Movers(previous, last, previous?.ClosedAt, last?.ClosedAt, Move(atPrevious, atLast)),
                new Movers(last, null, last?.ClosedAt, asOf, Move(atLast, last is null ? null : snapshot)),
                TotalsOf(snapshot),
                freshness);
        }
    }

    public static IReadOnlyList<RankedIssue> Rank(ConvergenceSnapshot snapshot) =>
    [
        .. snapshot.Issues.Values
            .OrderByDescending(i => i.Measure.Level)
            .ThenByDescending(i => i.Measure.Gicn ?? double.NegativeInfinity)
            .ThenBy(i => i.Issue, StringComparer.Ordinal)
            .Select((i, n) => new RankedIssue(
                n + 1,
                i.Issue,
                i.Title,
                i.Measure.Level,
                i.Measure.Reason,
                i.Measure.Gicn,
                i.Measure.SupportShare,
                i.Measure.OppositionShare,
                i.Measure.Positions,
                i.Measure.WeakestGroup)),
    ];

    public static Totals TotalsOf(ConvergenceSnapshot snapshot) => new(
        snapshot.Issues.Count,
        LevelCounts.Of(snapshot.Issues.Values.Select(i => i.Measure.Level)),
        snapshot.Issues.Values.Sum(i => i.Measure.Positions),
        snapshot.Issues.Values.SelectMany(i => i.Positions).Select(p => p.Stakeholder).Distinct(StringComparer.Ordinal).Count());

    private static AreaRow Row(AreaDetails area, ConvergenceSnapshot snapshot)
    {
        var evidence = AreaConvergence.Evidence(area, snapshot);
        return new AreaRow(
            area.Area,
            area.Title,
            area.Status,
            area.Issues,
            area.Divergences.Count,
            evidence.Level,
            evidence.DecidedBy,
            evidence.SupportingCount,
            evidence.ContradictingCount,
            evidence.Claim);
    }

    private static IReadOnlyList<Mover> Move(ConvergenceSnapshot? from, ConvergenceSnapshot? to)
    {
        if (from is null || to is null)
        {
            return [];
        }

        return
        [
            .. to.Issues.Values
                .Where(i => from.Issues.TryGetValue(i.Issue, out var before) && before.Measure.Level != i.Measure.Level)
                .OrderBy(i => i.Issue, StringComparer.Ordinal)
                .Select(i =>
                {
                    var before = from.Issues[i.Issue].Measure;
                    return new Mover(i.Issue, i.Title, before.Level, i.Measure.Level, before.Gicn, i.Measure.Gicn, i.Measure.Level > before.Level ? "up" : "down");
                }),
        ];
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/convergence",
                async (string process, string? asOf, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(process, asOf), ct)))
            .WithName("GetProcessConvergence")
            .WithSummary("Convergence dashboard of a process: issues ranked, areas with status, evidence level and disagreement flag, movers, totals")
            .WithDescription("Issues ranked by level (Consensus first), then GICn, then key. moversAtLastMeeting: levels at the close of the last meeting "
                + "closed by asOf against the close of the one before it; moversSinceLastMeeting: levels at asOf against the last close. "
                + "asOf (ISO 8601, recorded time): as the record stood then.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
