using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Processes;
using Consultation.Stakeholders;
using JasperFx.Events;

namespace Consultation.Convergence.Summaries;

/// <summary>One issue measured at a moment, with the counted positions behind the measure (the evidence).</summary>
public sealed record MeasuredIssue(string Issue, string Title, IssueMeasure Measure, IReadOnlyList<MeasuredPosition> Positions);

/// <summary>
/// The convergence of a process at one moment on both axes (<see cref="TimeAxes"/>: recorded by <c>asOf</c>, now when
/// null; stated by <c>statedBy</c>, when given): the measure of each issue tabled by <c>asOf</c>, and the areas as they
/// stood then. Shape, whatever the number of issues or areas: one
/// round trip for the standing position versions of all the issues (only the fields the measure reads) and the accredited
/// stakeholders, one for the stakeholders holding those positions and the members of those that are groups
/// (<see cref="MeasureInputs"/>) — not one round of queries per issue.
/// </summary>
public sealed class ConvergenceSnapshot
{
    private ConvergenceSnapshot(TimeAxes axes, MeasureRules rules, IReadOnlyDictionary<string, MeasuredIssue> issues, int? holders = null)
    {
        Axes = axes;
        Rules = rules;
        Issues = issues;
        _holders = holders;
    }

    private int? _holders;

    /// <summary>The distinct stakeholders with a counted position on any issue (counted once, when not known already).</summary>
    public int StakeholdersWithPositions =>
        _holders ??= Issues.Values.SelectMany(i => i.Positions).Select(p => p.Stakeholder).Distinct(StringComparer.Ordinal).Count();

    public TimeAxes Axes { get; }

    /// <summary>The thresholds and the grouping basis every issue was measured by.</summary>
    public MeasureRules Rules { get; }

    public DateTimeOffset? AsOf => Axes.AsOf;

    public DateOnly? StatedBy => Axes.StatedBy;

    /// <summary>The issues measured, by key.</summary>
    public IReadOnlyDictionary<string, MeasuredIssue> Issues { get; }

    /// <summary>
    /// Measures <paramref name="issues"/> (default: every issue tabled by <c>asOf</c>: issues carry no stated date, so on
    /// the stated axis every issue the record knows is measured) with the same effective
    /// positions (own or inherited), accreditations and thresholds as <see cref="IssueConvergence"/>, so each measure
    /// equals the per-issue answer for that moment.
    /// </summary>
    public static async Task<ConvergenceSnapshot> TakeAsync(
        IQuerySession session,
        ProcessDetails process,
        TimeAxes axes,
        MeasureRules rules,
        IReadOnlyCollection<string>? issues,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var wanted = Wanted(process, axes, issues);
        if (wanted.Count == 0)
        {
            return Of(process, axes, rules, new Dictionary<string, (IssueMeasure, IReadOnlyList<MeasuredPosition>)>());
        }

        var batch = session.CreateBatchQuery();
        var standing = StandingRows.Enlist(batch, session.DocumentStore, process.Id, wanted, axes);
        var accredited = MeasureInputs.Accredited(batch, session.DocumentStore, process.Id, axes, now);
        await batch.Execute(cancellationToken);

        return Of(process, axes, rules, await MeasureInputs.MeasureAsync(session, wanted, await standing(), await accredited(), rules, cancellationToken));
    }

    /// <summary>The issues a snapshot measures: those asked that the process has, or every issue tabled by <c>asOf</c>.</summary>
    public static IReadOnlyList<string> Wanted(ProcessDetails process, TimeAxes axes, IReadOnlyCollection<string>? issues) =>
    [
        .. (issues ?? TabledBy(process, axes.AsOf).Select(i => i.Key).ToList())
            .Where(k => process.Issue(k) is not null)
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>A snapshot of measures taken (each issue titled as the process now says), their positions counted as voices.</summary>
    public static ConvergenceSnapshot Of(
        ProcessDetails process, TimeAxes axes, MeasureRules rules, IReadOnlyDictionary<string, (IssueMeasure Measure, IReadOnlyList<MeasuredPosition> Positions)> measures) =>
        new(axes, rules, measures.ToDictionary(
            m => m.Key,
            m => new MeasuredIssue(m.Key, process.Issue(m.Key)!.Title, m.Value.Measure, Voices(m.Value.Positions)),
            StringComparer.Ordinal));

    /// <summary>
    /// A snapshot of measures whose positions are voices already (kept so: <see cref="Measuring.Live.LiveMeasures"/>), with
    /// the number of stakeholders holding them when known.
    /// </summary>
    public static ConvergenceSnapshot OfVoices(
        ProcessDetails process,
        TimeAxes axes,
        MeasureRules rules,
        IReadOnlyDictionary<string, (IssueMeasure Measure, IReadOnlyList<MeasuredPosition> Positions)> measures,
        int? holders) =>
        new(axes, rules, measures.ToDictionary(
            m => m.Key,
            m => new MeasuredIssue(m.Key, process.Issue(m.Key)!.Title, m.Value.Measure, m.Value.Positions),
            StringComparer.Ordinal), holders);

    /// <summary>A snapshot of issues already measured (some kept from another moment's, <see cref="SnapshotMoves"/>).</summary>
    public static ConvergenceSnapshot Of(TimeAxes axes, MeasureRules rules, IReadOnlyDictionary<string, MeasuredIssue> issues) => new(axes, rules, issues);

    /// <summary>The positions counted as voices (a bloc's own is carried by its members); the list itself when it holds no bloc's, as kept measures' mostly do.</summary>
    private static IReadOnlyList<MeasuredPosition> Voices(IReadOnlyList<MeasuredPosition> positions) =>
        positions.Any(p => p.Kind == StakeholderKind.GroupOrBloc) ? [.. positions.Where(p => p.Kind != StakeholderKind.GroupOrBloc)] : positions;

    /// <summary>The issues of the process that had been tabled by <paramref name="asOf"/> (all of them when null), in tabling order.</summary>
    public static IEnumerable<IssueDetails> TabledBy(ProcessDetails process, DateTimeOffset? asOf) =>
        process.Issues.Where(i => asOf is not { } at || i.TabledAt <= at);

    /// <summary>
    /// The areas of <paramref name="process"/> at <paramref name="axes"/>: the inline documents now, or the areas' events
    /// recorded by <c>asOf</c> (one query) folded by <see cref="AreaDetailsProjection"/> itself; with <c>statedBy</c>, only
    /// the events dated by then (<see cref="HappenedBy"/>). Stable order (identified on, then key);
    /// dissolved areas included.
    /// </summary>
    public static async Task<IReadOnlyList<AreaDetails>> AreasAsync(IQuerySession session, string process, TimeAxes axes, string? area, CancellationToken cancellationToken)
    {
        if (axes is { AsOf: null, StatedBy: null })
        {
            var query = session.Query<AreaDetails>().Where(x => x.Process == process);
            if (area is not null)
            {
                var key = Area.KeyOf(process, area);
                query = query.Where(x => x.Id == key);
            }

            return [.. await AreasOfProcess.InStableOrder(query).ToListAsync(cancellationToken)];
        }

        var at = axes.AsOf ?? DateTimeOffset.MaxValue;
        var events = area is null
            ? await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamKey!.StartsWith(Area.KeyOf(process, string.Empty)) && e.Timestamp <= at)
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken)
            : await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamKey == Area.KeyOf(process, area) && e.Timestamp <= at)
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken);
        return [.. events.GroupBy(e => e.StreamKey!, StringComparer.Ordinal)
            .Select(g => Fold(axes.StatedBy is { } on ? g.Where(e => HappenedBy(e, on)) : g))
            .OfType<AreaDetails>()
            .OrderBy(x => x.IdentifiedOn)
            .ThenBy(x => x.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether an area's event had happened by the end of <paramref name="on"/>: identified, affirmed, a divergence noted,
    /// confirmed in text, dissolved — each on its own date. Linking and unlinking an issue carry no date: they shape the
    /// claim as the record knows it, and apply whenever the area stands.
    /// </summary>
    public static bool HappenedBy(IEvent e, DateOnly on) => e.Data switch
    {
        AreaIdentified x => x.IdentifiedOn <= on,
        AreaAffirmed x => x.AffirmedOn <= on,
        DivergenceNoted x => x.NotedOn <= on,
        AreaConfirmedInText x => x.ConfirmedOn <= on,
        AreaDissolved x => x.DissolvedOn <= on,
        _ => true,
    };
    /// <summary>One area's events (oldest first, possibly a prefix of its stream) folded by the inline projection's own methods.</summary>
    public static AreaDetails? Fold(IEnumerable<IEvent> events)
    {
        var projection = new AreaDetailsProjection();
        AreaDetails? state = null;
        foreach (var e in events)
        {
            state = (e, state) switch
            {
                (IEvent<AreaIdentified> x, _) => projection.Create(x),
                (IEvent<AreaAffirmed> x, { } s) => projection.Apply(x, s),
                (IEvent<IssueLinkedToArea> x, { } s) => projection.Apply(x, s),
                (IEvent<IssueUnlinkedFromArea> x, { } s) => projection.Apply(x, s),
                (IEvent<DivergenceNoted> x, { } s) => projection.Apply(x, s),
                (IEvent<AreaConfirmedInText> x, { } s) => projection.Apply(x, s),
                (IEvent<AreaDissolved> x, { } s) => projection.Apply(x, s),
                _ => state,
            };
        }

        return state;
    }

    /// <summary>The area as it stood at <paramref name="axes"/>, or 404 (unknown, or not yet identified then).</summary>
    public static async Task<AreaDetails> RequireAreaAsync(IQuerySession session, string process, string area, TimeAxes axes, CancellationToken cancellationToken) =>
        (await AreasAsync(session, process, axes, area, cancellationToken)).SingleOrDefault()
        ?? throw new StreamNotFound("Area", Area.KeyOf(process, area));
}
