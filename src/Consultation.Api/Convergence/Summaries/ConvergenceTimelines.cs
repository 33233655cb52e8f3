using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Infrastructure.Validation;
using Consultation.Positions;
using Consultation.Positions.Views;
using FluentValidation;
using Marten;
using Mediator;

namespace Consultation.Convergence.Summaries;

/// <summary>
/// Convergence over time: one point per meeting of the process that has closed (by <c>asOf</c>, when given), in calendar
/// order, each measured as the record stood at that meeting's recorded close (<c>asOf = ClosedAt</c>) — so every point
/// equals the as-of answer of the issue, area or process dashboard for that moment.
/// </summary>
public static class ConvergenceTimelines
{
    public sealed record IssuePoint(
        string Meeting, string Title, DateTimeOffset ClosedAt, ConvergenceLevel Level, double? Gicn, double? SupportShare, double? OppositionShare, int Positions);

    /// <summary>
    /// An area at a close. <see cref="Status"/> is null (and the rest empty) before the area was identified. Level: the
    /// weakest linked issue (<see cref="AreaCombination"/>); GICn: that issue's; shares and positions pooled over the
    /// linked issues' counted positions (support: stance ≥ +1, opposition: −2).
    /// </summary>
    public sealed record AreaPoint(
        string Meeting,
        string Title,
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
        bool Disagrees);

    public sealed record ProcessPoint(string Meeting, string Title, DateTimeOffset ClosedAt, int Issues, LevelCounts IssuesByLevel, int Positions, int StakeholdersWithPositions);

    public sealed record Timeline<TPoint>(string Process, string? Subject, DateTimeOffset? AsOf, IReadOnlyList<TPoint> Points, Freshness Freshness);

    public sealed record IssueQuery(string Process, string Issue, string? AsOf) : IQuery<Timeline<IssuePoint>>;

    public sealed record AreaQuery(string Process, string Area, string? AsOf) : IQuery<Timeline<AreaPoint>>;

    public sealed record ProcessQuery(string Process, string? AsOf) : IQuery<Timeline<ProcessPoint>>;

    public sealed class IssueValidator : AbstractValidator<IssueQuery>
    {
        public IssueValidator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.Issue).Slug();
            RuleFor(x => x.AsOf).AsOfTimestamp();
        }
    }

    public sealed class AreaValidator : AbstractValidator<AreaQuery>
    {
        public AreaValidator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.Area).Slug();
            RuleFor(x => x.AsOf).AsOfTimestamp();
        }
    }

    public sealed class ProcessValidator : AbstractValidator<ProcessQuery>
    {
        public ProcessValidator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.AsOf).AsOfTimestamp();
        }
    }

    public sealed class IssueHandler(IQuerySession session, SettledSnapshots snapshots) : IQueryHandler<IssueQuery, Timeline<IssuePoint>>
    {
        public async ValueTask<Timeline<IssuePoint>> Handle(IssueQuery query, CancellationToken cancellationToken)
        {
            var asOf = TimeAxes.ParseTimestamp(query.AsOf);
            var process = await session.RequireProcessAsync(query.Process, query.Issue, cancellationToken);
            var freshness = await Freshness.ReadAsync(session, asOf, cancellationToken);
            var thresholds = (await IssueConvergence.SettingsAsync(session, process.Id, asOf, cancellationToken)).Thresholds;
            var points = new List<IssuePoint>();
            foreach (var close in await ClosedMeetings.OfAsync(session, process.Id, asOf, cancellationToken))
            {
                var snapshot = await snapshots.TakeAsync(session, process, close.ClosedAt, thresholds, [query.Issue], cancellationToken);
                var m = snapshot.Issues[query.Issue].Measure;
                points.Add(new IssuePoint(close.Meeting, close.Title, close.ClosedAt, m.Level, m.Gicn, m.SupportShare, m.OppositionShare, m.Positions));
            }

            return new Timeline<IssuePoint>(process.Id, query.Issue, asOf, points, freshness);
        }
    }

    public sealed class AreaHandler(IQuerySession session, SettledSnapshots snapshots) : IQueryHandler<AreaQuery, Timeline<AreaPoint>>
    {
        public async ValueTask<Timeline<AreaPoint>> Handle(AreaQuery query, CancellationToken cancellationToken)
        {
            var asOf = TimeAxes.ParseTimestamp(query.AsOf);
            var process = await session.RequireProcessAsync(query.Process, null, cancellationToken);
            var freshness = await Freshness.ReadAsync(session, asOf, cancellationToken);
            await ConvergenceSnapshot.RequireAreaAsync(session, process.Id, query.Area, asOf, cancellationToken);
            var thresholds = (await IssueConvergence.SettingsAsync(session, process.Id, asOf, cancellationToken)).Thresholds;
            var points = new List<AreaPoint>();
            foreach (var close in await ClosedMeetings.OfAsync(session, process.Id, asOf, cancellationToken))
            {
                var area = (await ConvergenceSnapshot.AreasAsync(session, process.Id, close.ClosedAt, query.Area, cancellationToken)).SingleOrDefault();
                if (area is null)
                {
                    points.Add(new AreaPoint(close.Meeting, close.Title, close.ClosedAt, null, null, null, null, null, null, 0, 0, 0, false));
                    continue;
                }

                var snapshot = await snapshots.TakeAsync(session, process, close.ClosedAt, thresholds, area.Issues, cancellationToken);
                var evidence = AreaConvergence.Evidence(area, snapshot);
                var pooled = area.Issues.Where(snapshot.Issues.ContainsKey).SelectMany(i => snapshot.Issues[i].Positions).ToList();
                double? Share(int count) => pooled.Count == 0 ? null : (double)count / pooled.Count;
                points.Add(new AreaPoint(
                    close.Meeting,
                    close.Title,
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
                    evidence.Claim.Disagrees));
            }

            return new Timeline<AreaPoint>(process.Id, query.Area, asOf, points, freshness);
        }
    }

    public sealed class ProcessHandler(IQuerySession session, SettledSnapshots snapshots) : IQueryHandler<ProcessQuery, Timeline<ProcessPoint>>
    {
        public async ValueTask<Timeline<ProcessPoint>> Handle(ProcessQuery query, CancellationToken cancellationToken)
        {
            var asOf = TimeAxes.ParseTimestamp(query.AsOf);
            var process = await session.RequireProcessAsync(query.Process, null, cancellationToken);
            var freshness = await Freshness.ReadAsync(session, asOf, cancellationToken);
            var thresholds = (await IssueConvergence.SettingsAsync(session, process.Id, asOf, cancellationToken)).Thresholds;
            var points = new List<ProcessPoint>();
            foreach (var close in await ClosedMeetings.OfAsync(session, process.Id, asOf, cancellationToken))
            {
                var snapshot = await snapshots.TakeAsync(session, process, close.ClosedAt, thresholds, null, cancellationToken);
                var totals = ProcessConvergence.TotalsOf(snapshot);
                points.Add(new ProcessPoint(close.Meeting, close.Title, close.ClosedAt, totals.Issues, totals.IssuesByLevel, totals.Positions, totals.StakeholdersWithPositions));
            }

            return new Timeline<ProcessPoint>(process.Id, null, asOf, points, freshness);
        }
    }

    private const string Description = "One point per closed meeting of the process, in calendar order, measured as the record stood at the meeting's "
        + "recorded close (asOf = closedAt): each point equals the as-of convergence answer for that moment. asOf (ISO 8601, recorded time): only "
        + "meetings closed by then.";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(
                "/processes/{process}/issues/{issue}/convergence/timeline",
                async (string process, string issue, string? asOf, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new IssueQuery(process, issue, asOf), ct)))
            .WithName("GetIssueConvergenceTimeline")
            .WithSummary("An issue's convergence at the close of each meeting: level, GICn, support and opposition shares, positions")
            .WithDescription(Description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet(
                "/processes/{process}/areas/{area}/convergence/timeline",
                async (string process, string area, string? asOf, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new AreaQuery(process, area, asOf), ct)))
            .WithName("GetAreaConvergenceTimeline")
            .WithSummary("An area's status and evidence at the close of each meeting (status null before it was identified)")
            .WithDescription(Description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet(
                "/processes/{process}/convergence/timeline",
                async (string process, string? asOf, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ProcessQuery(process, asOf), ct)))
            .WithName("GetProcessConvergenceTimeline")
            .WithSummary("A process's issues by level, positions and stakeholders at the close of each meeting")
            .WithDescription(Description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
