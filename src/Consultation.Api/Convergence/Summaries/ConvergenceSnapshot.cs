using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Infrastructure.Errors;
using Consultation.Positions.Views;
using Consultation.Processes;
using Consultation.Stakeholders;
using JasperFx.Events;
using Marten;

namespace Consultation.Convergence.Summaries;

/// <summary>One issue measured at a moment, with the counted positions behind the measure (the evidence).</summary>
public sealed record MeasuredIssue(string Issue, string Title, IssueMeasure Measure, IReadOnlyList<MeasuredPosition> Positions);

/// <summary>
/// The convergence of a process as the record stood at one recorded moment (<c>asOf</c>; now when null): the measure of
/// each issue tabled by then, and the areas as they stood then. Shape, whatever the number of issues or areas: one
/// indexed query for the standing position versions of all the issues (only the fields the measure reads), one for the
/// stakeholders holding them and the members of those that are groups, one for the accredited stakeholders, one for the
/// thresholds and, as of a past moment, one for the area events — not one round of queries per issue.
/// </summary>
public sealed class ConvergenceSnapshot
{
    private ConvergenceSnapshot(DateTimeOffset? asOf, IReadOnlyDictionary<string, MeasuredIssue> issues)
    {
        AsOf = asOf;
        Issues = issues;
    }

    public DateTimeOffset? AsOf { get; }

    /// <summary>The issues measured, by key.</summary>
    public IReadOnlyDictionary<string, MeasuredIssue> Issues { get; }

    /// <summary>
    /// Measures <paramref name="issues"/> (default: every issue tabled by <paramref name="asOf"/>) with the same effective
    /// positions (own or inherited), accreditations and thresholds as <see cref="IssueConvergence"/>, so each measure
    /// equals the per-issue answer for that moment.
    /// </summary>
    public static async Task<ConvergenceSnapshot> TakeAsync(
        IQuerySession session,
        ProcessDetails process,
        DateTimeOffset? asOf,
        ConvergenceThresholds thresholds,
        IReadOnlyCollection<string>? issues,
        CancellationToken cancellationToken)
    {
        var wanted = (issues ?? TabledBy(process, asOf).Select(i => i.Key).ToList())
            .Where(k => process.Issue(k) is not null)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (wanted.Length == 0)
        {
            return new ConvergenceSnapshot(asOf, new Dictionary<string, MeasuredIssue>(StringComparer.Ordinal));
        }

        var axes = new TimeAxes(asOf, null);
        var standing = await session.Query<PositionVersion>()
            .Where(x => x.Process == process.Id && wanted.Contains(x.Issue))
            .StandingAt(axes)
            .AsStances()
            .ToListAsync(cancellationToken);
        var owners = standing.Select(r => r.Stakeholder).Distinct(StringComparer.Ordinal).ToArray();
        var people = await session.OwnersAndMembersAsync(owners, cancellationToken);
        var byIssue = standing.GroupBy(r => r.Issue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Inheritance.Resolve<StandingStance>(g, people), StringComparer.Ordinal);
        var stakeholders = people.ById();

        var accredited = AccreditedVoices.Of(await IssueConvergence.AccreditedAsync(session, process.Id, axes, cancellationToken));
        var measured = new Dictionary<string, MeasuredIssue>(StringComparer.Ordinal);
        foreach (var key in wanted)
        {
            var effective = byIssue.GetValueOrDefault(key) ?? [];
            var positions = effective
                .Where(e => stakeholders.ContainsKey(e.Key))
                .Select(e => new MeasuredPosition(
                    e.Key,
                    stakeholders[e.Key].Kind,
                    stakeholders[e.Key].RegionalGroup,
                    e.Value.Row.Stance,
                    e.Value.Row.Conditions,
                    e.Value.InheritedFrom))
                .OrderBy(p => p.Stakeholder, StringComparer.Ordinal)
                .ToList();
            var measure = ConvergenceMeasure.Measure(positions, accredited, thresholds);
            measured[key] = new MeasuredIssue(key, process.Issue(key)!.Title, measure, [.. positions.Where(p => p.Kind != StakeholderKind.GroupOrBloc)]);
        }

        return new ConvergenceSnapshot(asOf, measured);
    }

    /// <summary>The issues of the process that had been tabled by <paramref name="asOf"/> (all of them when null), in tabling order.</summary>
    public static IEnumerable<IssueDetails> TabledBy(ProcessDetails process, DateTimeOffset? asOf) =>
        process.Issues.Where(i => asOf is not { } at || i.TabledAt <= at);

    /// <summary>
    /// The areas of <paramref name="process"/> as the record stood at <paramref name="asOf"/>: the inline documents now, or
    /// the areas' events recorded by then (one query) folded by <see cref="AreaDetailsProjection"/> itself. Stable order
    /// (identified on, then key); dissolved areas included.
    /// </summary>
    public static async Task<IReadOnlyList<AreaDetails>> AreasAsync(IQuerySession session, string process, DateTimeOffset? asOf, string? area, CancellationToken cancellationToken)
    {
        if (asOf is not { } at)
        {
            var query = session.Query<AreaDetails>().Where(x => x.Process == process);
            if (area is not null)
            {
                var key = Area.KeyOf(process, area);
                query = query.Where(x => x.Id == key);
            }

            return [.. await AreasOfProcess.InStableOrder(query).ToListAsync(cancellationToken)];
        }

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
            .Select(g => Fold(g))
            .OfType<AreaDetails>()
            .OrderBy(x => x.IdentifiedOn)
            .ThenBy(x => x.Id, StringComparer.Ordinal)];
    }

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

    /// <summary>The area as it stood at <paramref name="asOf"/>, or 404 (unknown, or not yet identified then).</summary>
    public static async Task<AreaDetails> RequireAreaAsync(IQuerySession session, string process, string area, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        (await AreasAsync(session, process, asOf, area, cancellationToken)).SingleOrDefault()
        ?? throw new StreamNotFound("Area", Area.KeyOf(process, area));
}
