using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Grouping;
using Consultation.Convergence.Measuring.Live;
using Consultation.Positions.Views;
using Consultation.Processes;

namespace Consultation.Convergence.Summaries;

/// <summary>
/// The convergence dashboard of a process on both axes (<see cref="TimeAxes"/>: as the record stood at <c>asOf</c>, now
/// when absent; with <c>statedBy</c>, what had been said by that day, areas by their own dates as in
/// <see cref="AreaConvergence"/>): issues ranked by convergence, areas with their status, evidence level and disagreement
/// flag, movers, and totals.
/// <list type="bullet">
/// <item><b>Ranking</b>: level (Consensus first), then GICn (higher first; none last), then issue key (ordinal). Issues
/// tabled by <c>asOf</c>, retired ones included.</item>
/// <item><b>Movers</b>, over issues tabled at both moments, between meetings in calendar order (their dates, not the order
/// they were closed in the record): <see cref="Answer.MoversAtLastMeeting"/> — level at the close of the last meeting
/// closed by <c>asOf</c> (and ended by <c>statedBy</c>) against the close of the meeting before it (what the last meeting
/// changed); <see cref="Answer.MoversSinceLastMeeting"/> — level at the moment asked against the close of the last meeting
/// (what changed since). A close is read on the movers' axis (<see cref="TimelineAxis"/>, <c>axis</c>): by default what
/// had been said by the meeting's last day; with <c>axis=recorded</c> the record at its recorded close. Empty, with the
/// missing end null, when too few meetings have closed.</item>
/// <item><b>Totals</b>: issues by level, counted positions (own or inherited; blocs' own not counted again) summed over
/// the issues, and distinct stakeholders with a counted position on any issue.</item>
/// </list>
/// </summary>
public static class ProcessConvergence
{
    public sealed record Query(string Process, string? AsOf, string? StatedBy = null, string? Axis = null, string? Grouping = null) : IQuery<Answer>;

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

    /// <summary>
    /// Levels compared between two moments on <see cref="Axis"/>: <see cref="FromMeeting"/>'s close (or none) and
    /// <see cref="ToMeeting"/>'s close (or the moment asked when null). <see cref="From"/>/<see cref="To"/> are the recorded
    /// moments read (null: now), <see cref="FromStatedBy"/>/<see cref="ToStatedBy"/> the days stated by (null: not on the stated axis).
    /// </summary>
    public sealed record Movers(
        TimelineAxis Axis,
        MeetingClose? FromMeeting,
        MeetingClose? ToMeeting,
        DateTimeOffset? From,
        DateTimeOffset? To,
        DateOnly? FromStatedBy,
        DateOnly? ToStatedBy,
        IReadOnlyList<Mover> Issues);

    public sealed record Totals(int Issues, LevelCounts IssuesByLevel, int Positions, int StakeholdersWithPositions);

    public sealed record Answer(
        string Process,
        DateTimeOffset? AsOf,
        DateOnly? StatedBy,
        bool ThresholdsAreDefault,
        string Grouping,
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
            RuleFor(x => x.StatedBy).IsoDate();
            RuleFor(x => x.Axis).TimelineAxisName();
            RuleFor(x => x.Grouping).GroupingName();
            RuleFor(x => x.Axis).NotRecordedWithStatedBy(x => x.StatedBy);
        }
    }

    public sealed class Handler(IQuerySession session, SettledSnapshots snapshots, LiveMeasures live) : IQueryHandler<Query, Answer>
    {
        public async ValueTask<Answer> Handle(Query query, CancellationToken cancellationToken)
        {
            var axes = TimeAxes.Parse(query.AsOf, query.StatedBy);
            var axis = TimelineAxisRules.Parse(query.Axis);
            var (process, settings, allCloses, freshness, read) = await ProcessReadStart.ReadAsync(session, live, query.Process, axes, cancellationToken);
            var snapshot = await snapshots.TakeAsync(session, process, axes, settings.RulesFor(query.Grouping), null, cancellationToken, read);
            var areas = await ConvergenceSnapshot.AreasAsync(session, process.Id, axes, null, cancellationToken);

            var closes = allCloses.Where(c => axes.StatedBy is not { } by || c.EndsOn <= by).ToList();
            var last = closes.LastOrDefault();
            var previous = closes.Count >= 2 ? closes[^2] : null;
            var rules = await ConvergenceTimelines.RulesAsync(session, process.Id, axes.AsOf, query.Grouping, cancellationToken);
            async Task<ConvergenceSnapshot?> AtCloseAsync(MeetingClose? close) =>
                close?.At(axis, axes.AsOf) is not { } at ? null : await snapshots.TakeAsync(session, process, at, rules(at.AsOf), null, cancellationToken, read);
            var atLast = await AtCloseAsync(last);
            var atPrevious = await AtCloseAsync(previous);

            return new Answer(
                process.Id,
                axes.AsOf,
                axes.StatedBy,
                settings.IsDefault,
                snapshot.Rules.Basis.Name,
                Rank(snapshot),
                [.. areas.Select(a => Row(a, snapshot))],
                new Movers(axis, previous, last, atPrevious?.AsOf, atLast?.AsOf, atPrevious?.StatedBy, atLast?.StatedBy, Move(atPrevious, atLast)),
                new Movers(axis, last, null, atLast?.AsOf, axes.AsOf, atLast?.StatedBy, axes.StatedBy, Move(atLast, last is null ? null : snapshot)),
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
        snapshot.StakeholdersWithPositions);

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
                async (string process, string? asOf, string? statedBy, string? axis, string? grouping, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(process, asOf, statedBy, axis, grouping), ct)))
            .WithName("GetProcessConvergence")
            .WithSummary("Convergence dashboard of a process: issues ranked, areas with status, evidence level and disagreement flag, movers, totals")
            .WithDescription("Issues ranked by level (Consensus first), then GICn, then key. moversAtLastMeeting: levels at the close of the last meeting "
                + "(calendar order; closed by asOf, ended by statedBy) against the close of the one before it; moversSinceLastMeeting: levels at the "
                + "moment asked against the last close. Closes are read on the movers' axis, named in each movers object: "
                + TimelineAxisRules.Description + " Not axis=Recorded with statedBy. " + PositionViewRules.AxesDescription + " Areas with statedBy: "
                + "their identification, affirmations, divergences, confirmations and dissolution dated by then. " + GroupingRules.Description
                + " Movers compare closes measured across the same basis as the dashboard when one is named; otherwise each close's own.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
