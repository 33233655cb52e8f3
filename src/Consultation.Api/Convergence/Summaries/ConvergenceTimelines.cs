using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Grouping;
using Consultation.Convergence.Measuring.Live;
using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Positions;
using Consultation.Positions.Views;
using JasperFx.Events;

namespace Consultation.Convergence.Summaries;

/// <summary>
/// Convergence over time: one point per meeting of the process that has closed (by <c>asOf</c>, when given), in calendar
/// order, each measured at that meeting's close on the axis asked (<see cref="TimelineAxis"/>): by default what had been
/// said by the meeting's last day as the record knows it now (or at <c>asOf</c>) — <c>statedBy = endsOn</c>; with
/// <c>axis=recorded</c>, the record at the meeting's recorded close — <c>asOf = closedAt</c>. Either way every point
/// equals the issue, area or process answer for those parameters. Thresholds are those in force at the recorded moment
/// read (the close on the recorded axis, <c>asOf</c> or now on the stated one), and so is the process's grouping basis; a
/// grouping asked by name (<c>grouping</c>) is used at every point as defined at <c>asOf</c> (or now).
/// </summary>
public static class ConvergenceTimelines
{
    public sealed record IssuePoint(
        string Meeting, string Title, DateOnly EndsOn, DateTimeOffset ClosedAt, ConvergenceLevel Level, double? Gicn, double? SupportShare, double? OppositionShare, int Positions, string Grouping);

    /// <summary>
    /// An area at a close. <see cref="Status"/> is null (and the rest empty) before the area was identified (on the stated
    /// axis: identified on a later day than the meeting's last; on the recorded axis: recorded after its close). Level: the
    /// weakest linked issue (<see cref="AreaCombination"/>); GICn: that issue's; shares and positions pooled over the
    /// linked issues' counted positions (support: stance ≥ +1, opposition: −2).
    /// </summary>
    public sealed record AreaPoint(
        string Meeting,
        string Title,
        DateOnly EndsOn,
        DateTimeOffset ClosedAt,
        AreaStatus? Status,
        ConvergenceLevel? Level,
        string? DecidedBy,
        double? Gicn,
        double? SupportShare,
        double? OppositionShare,
        int Positions,
        int SupportingCount,
        int ContradictingCount,
        bool Disagrees,
        string Grouping);

    /// <summary>A process at a close; <see cref="Grouping"/> names the basis its issues were measured across (each point of a timeline names its own).</summary>
    public sealed record ProcessPoint(
        string Meeting, string Title, DateOnly EndsOn, DateTimeOffset ClosedAt, int Issues, LevelCounts IssuesByLevel, int Positions, int StakeholdersWithPositions, string Grouping);

    /// <summary>The points, with the axis they were measured on (<see cref="TimelineAxis"/>) and the recorded moment the record was read as of (null: now).</summary>
    public sealed record Timeline<TPoint>(string Process, string? Subject, TimelineAxis Axis, DateTimeOffset? AsOf, IReadOnlyList<TPoint> Points, Freshness Freshness);

    public sealed record IssueQuery(string Process, string Issue, string? AsOf, string? Axis = null, string? Grouping = null) : IQuery<Timeline<IssuePoint>>;

    public sealed record AreaQuery(string Process, string Area, string? AsOf, string? Axis = null, string? Grouping = null) : IQuery<Timeline<AreaPoint>>;

    public sealed record ProcessQuery(string Process, string? AsOf, string? Axis = null, string? Grouping = null) : IQuery<Timeline<ProcessPoint>>;

    public sealed class IssueValidator : AbstractValidator<IssueQuery>
    {
        public IssueValidator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.Issue).Slug();
            RuleFor(x => x.AsOf).AsOfTimestamp();
            RuleFor(x => x.Axis).TimelineAxisName();
            RuleFor(x => x.Grouping).GroupingName();
        }
    }

    public sealed class AreaValidator : AbstractValidator<AreaQuery>
    {
        public AreaValidator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.Area).Slug();
            RuleFor(x => x.AsOf).AsOfTimestamp();
            RuleFor(x => x.Axis).TimelineAxisName();
            RuleFor(x => x.Grouping).GroupingName();
        }
    }

    public sealed class ProcessValidator : AbstractValidator<ProcessQuery>
    {
        public ProcessValidator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.AsOf).AsOfTimestamp();
            RuleFor(x => x.Axis).TimelineAxisName();
            RuleFor(x => x.Grouping).GroupingName();
        }
    }

    public sealed class IssueHandler(IQuerySession session, SettledSnapshots snapshots) : IQueryHandler<IssueQuery, Timeline<IssuePoint>>
    {
        public async ValueTask<Timeline<IssuePoint>> Handle(IssueQuery query, CancellationToken cancellationToken)
        {
            var asOf = TimeAxes.ParseTimestamp(query.AsOf);
            var axis = TimelineAxisRules.Parse(query.Axis);
            var process = await session.RequireProcessAsync(query.Process, query.Issue, cancellationToken);
            var freshness = await Freshness.ReadAsync(session, asOf, cancellationToken);
            var rules = await RulesAsync(session, process.Id, asOf, query.Grouping, cancellationToken);
            var points = new List<IssuePoint>();
            var read = new LiveRead();
            foreach (var close in await ClosedMeetings.OfAsync(session, process.Id, asOf, cancellationToken))
            {
                var at = close.At(axis, asOf);
                var snapshot = await snapshots.TakeAsync(session, process, at, rules(at.AsOf), [query.Issue], cancellationToken, read);
                var m = snapshot.Issues[query.Issue].Measure;
                points.Add(new IssuePoint(close.Meeting, close.Title, close.EndsOn, close.ClosedAt, m.Level, m.Gicn, m.SupportShare, m.OppositionShare, m.Positions, m.Grouping));
            }

            return new Timeline<IssuePoint>(process.Id, query.Issue, axis, asOf, points, freshness);
        }
    }

    public sealed class AreaHandler(IQuerySession session, SettledSnapshots snapshots) : IQueryHandler<AreaQuery, Timeline<AreaPoint>>
    {
        public async ValueTask<Timeline<AreaPoint>> Handle(AreaQuery query, CancellationToken cancellationToken)
        {
            var asOf = TimeAxes.ParseTimestamp(query.AsOf);
            var axis = TimelineAxisRules.Parse(query.Axis);
            var process = await session.RequireProcessAsync(query.Process, null, cancellationToken);
            var freshness = await Freshness.ReadAsync(session, asOf, cancellationToken);
            await ConvergenceSnapshot.RequireAreaAsync(session, process.Id, query.Area, new TimeAxes(asOf, null), cancellationToken);
            var rules = await RulesAsync(session, process.Id, asOf, query.Grouping, cancellationToken);
            var points = new List<AreaPoint>();
            var read = new LiveRead();
            foreach (var close in await ClosedMeetings.OfAsync(session, process.Id, asOf, cancellationToken))
            {
                var at = close.At(axis, asOf);
                var area = (await ConvergenceSnapshot.AreasAsync(session, process.Id, at, query.Area, cancellationToken)).SingleOrDefault();
                if (area is null)
                {
                    points.Add(new AreaPoint(close.Meeting, close.Title, close.EndsOn, close.ClosedAt, null, null, null, null, null, null, 0, 0, 0, false, rules(at.AsOf).Basis.Name));
                    continue;
                }

                var snapshot = await snapshots.TakeAsync(session, process, at, rules(at.AsOf), area.Issues, cancellationToken, read);
                var evidence = AreaConvergence.Evidence(area, snapshot);
                var pooled = area.Issues.Where(snapshot.Issues.ContainsKey).SelectMany(i => snapshot.Issues[i].Positions).ToList();
                double? Share(int count) => pooled.Count == 0 ? null : (double)count / pooled.Count;
                points.Add(new AreaPoint(
                    close.Meeting,
                    close.Title,
                    close.EndsOn,
                    close.ClosedAt,
                    area.Status,
                    evidence.Level,
                    evidence.DecidedBy,
                    evidence.Issues.FirstOrDefault(i => i.Issue == evidence.DecidedBy)?.Gicn,
                    Share(pooled.Count(p => p.Stance >= Stances.Supports)),
                    Share(pooled.Count(p => p.Stance == Stances.Opposes)),
                    pooled.Count,
                    evidence.SupportingCount,
                    evidence.ContradictingCount,
                    evidence.Claim.Disagrees,
                    rules(at.AsOf).Basis.Name));
            }

            return new Timeline<AreaPoint>(process.Id, query.Area, axis, asOf, points, freshness);
        }
    }

    public sealed class ProcessHandler(IQuerySession session, SettledSnapshots snapshots) : IQueryHandler<ProcessQuery, Timeline<ProcessPoint>>
    {
        public async ValueTask<Timeline<ProcessPoint>> Handle(ProcessQuery query, CancellationToken cancellationToken)
        {
            var asOf = TimeAxes.ParseTimestamp(query.AsOf);
            var axis = TimelineAxisRules.Parse(query.Axis);
            var process = await session.RequireProcessAsync(query.Process, null, cancellationToken);
            var freshness = await Freshness.ReadAsync(session, asOf, cancellationToken);
            var rules = await RulesAsync(session, process.Id, asOf, query.Grouping, cancellationToken);
            var points = new List<ProcessPoint>();
            var read = new LiveRead();
            foreach (var close in await ClosedMeetings.OfAsync(session, process.Id, asOf, cancellationToken))
            {
                var at = close.At(axis, asOf);
                var pointRules = rules(at.AsOf);
                var snapshot = await snapshots.TakeAsync(session, process, at, pointRules, null, cancellationToken, read);
                var totals = ProcessConvergence.TotalsOf(snapshot);
                points.Add(new ProcessPoint(
                    close.Meeting, close.Title, close.EndsOn, close.ClosedAt, totals.Issues, totals.IssuesByLevel, totals.Positions, totals.StakeholdersWithPositions, pointRules.Basis.Name));
            }

            return new Timeline<ProcessPoint>(process.Id, null, axis, asOf, points, freshness);
        }
    }

    /// <summary>
    /// The rules in force at any recorded moment up to <paramref name="asOf"/> (now when null), from one read of the
    /// settings stream: a point read as of a recorded close is judged by the thresholds of that moment and measured across
    /// the basis chosen then — or across <paramref name="grouping"/>, as defined at <paramref name="asOf"/>, when named
    /// (unknown then: 400).
    /// </summary>
    public static async Task<Func<DateTimeOffset?, MeasureRules>> RulesAsync(
        IQuerySession session, string process, DateTimeOffset? asOf, string? grouping, CancellationToken cancellationToken)
    {
        var projection = new ConvergenceSettingsProjection();
        var states = new List<(DateTimeOffset At, ConvergenceSettings Settings)>();
        foreach (var e in await session.Events.FetchStreamAsync(ConvergenceSettings.KeyFor(process), timestamp: asOf, token: cancellationToken))
        {
            states.Add((e.Timestamp, projection.Fold([e], states.Count == 0 ? null : states[^1].Settings)!));
        }

        ConvergenceSettings At(DateTimeOffset? at) =>
            states.LastOrDefault(s => at is not { } moment || s.At <= moment).Settings ?? ConvergenceSettings.Defaults(process);
        var named = grouping is null ? null : At(null).BasisNamed(grouping);
        return at =>
        {
            var settings = At(at);
            return new MeasureRules(settings.Thresholds, named ?? settings.BasisNamed(null));
        };
    }

    private const string Description = "One point per closed meeting of the process, in calendar order, measured at the meeting's close on the axis "
        + "given: " + TimelineAxisRules.Description + " Each point equals the convergence answer for those parameters (statedBy = endsOn, or "
        + "asOf = closedAt). The answer names its axis and grouping. asOf (ISO 8601, recorded time): only meetings closed by then, and on the stated axis "
        + "what the record knew then. " + GroupingRules.Description + " A grouping named is used at every point as defined at asOf (or now).";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(
                "/processes/{process}/issues/{issue}/convergence/timeline",
                async (string process, string issue, string? asOf, string? axis, string? grouping, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new IssueQuery(process, issue, asOf, axis, grouping), ct)))
            .WithName("GetIssueConvergenceTimeline")
            .WithSummary("An issue's convergence at the close of each meeting: level, GICn, support and opposition shares, positions")
            .WithDescription(Description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet(
                "/processes/{process}/areas/{area}/convergence/timeline",
                async (string process, string area, string? asOf, string? axis, string? grouping, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new AreaQuery(process, area, asOf, axis, grouping), ct)))
            .WithName("GetAreaConvergenceTimeline")
            .WithSummary("An area's status and evidence at the close of each meeting (status null before it was identified)")
            .WithDescription(Description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet(
                "/processes/{process}/convergence/timeline",
                async (string process, string? asOf, string? axis, string? grouping, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ProcessQuery(process, asOf, axis, grouping), ct)))
            .WithName("GetProcessConvergenceTimeline")
            .WithSummary("A process's issues by level, positions and stakeholders at the close of each meeting")
            .WithDescription(Description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
