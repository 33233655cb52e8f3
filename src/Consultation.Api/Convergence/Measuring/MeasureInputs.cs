using Consultation.Convergence.Measuring.Grouping;
using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Positions.Views;
using Consultation.Processes;
using Consultation.Stakeholders;
using JasperFx.Events;
using Marten.Services.BatchQuerying;

namespace Consultation.Convergence.Measuring;

/// <summary>
/// What measuring issues at a moment reads, enlisted in a caller's batch so that independent reads share one round trip:
/// the thresholds in force, the accredited stakeholders and the standing rows of the issues (<see cref="StandingRows"/>). One read depends on them — the
/// stakeholders holding those rows and the members of those that are groups (<see cref="MeasureAsync"/>).
/// </summary>
public static class MeasureInputs
{
    /// <summary>
    /// The process read in a batch, or 404 as <see cref="Inheritance.RequireProcessAsync"/> answers; when
    /// <paramref name="issue"/> is given, the issue too.
    /// </summary>
    public static ProcessDetails Require(ProcessDetails? details, string process, string? issue)
    {
        if (details is null)
        {
            throw new StreamNotFound("Process", process);
        }

        if (issue is not null && details.Issue(issue) is null)
        {
            throw new StreamNotFound("Issue", $"{process}/{issue}");
        }

        return details;
    }

    /// <summary>
    /// The thresholds in force at <paramref name="asOf"/> (recorded time; now when null): a view replayed as of a moment
    /// judges levels as it did then, before any later change of thresholds. As of a moment, the settings stream's events
    /// recorded by then, folded by the inline projection's own methods; now, the inline document.
    /// </summary>
    public static Func<Task<ConvergenceSettings>> Settings(IBatchedQuery batch, string process, DateTimeOffset? asOf)
    {
        var key = ConvergenceSettings.KeyFor(process);
        if (asOf is not { } at)
        {
            var current = batch.Load<ConvergenceSettings>(key);
            return async () => await current ?? ConvergenceSettings.Defaults(process);
        }

        var events = batch.Events.FetchStream(key, 0, at, 0);
        return async () => new ConvergenceSettingsProjection().Fold(await events) ?? ConvergenceSettings.Defaults(process);
    }

    /// <summary>
    /// The stakeholders accredited to the process on both axes, on the date measured (today is <paramref name="now"/>'s date) (<see cref="Inheritance.DateAskedAbout(TimeAxes, DateTimeOffset)"/>):
    /// accreditations recorded by <c>asOf</c> (from the events themselves, so the answer is exact) in force on that date —
    /// accredited on or before it and not ended (by an end recorded by <c>asOf</c>) on or before it. Kind and regional
    /// group come from the stakeholder record (they never change after registration). One statement: the stakeholder
    /// records whose accreditation events match, found by <see cref="AccreditationsIndex"/>; an end is looked up in the
    /// stakeholder's own stream.
    /// </summary>
    public static Func<Task<AccreditedVoices>> Accredited(IBatchedQuery batch, IDocumentStore store, string process, TimeAxes axes, DateTimeOffset now)
    {
        var at = axes.AsOf ?? DateTimeOffset.MaxValue;
        var on = Inheritance.DateAskedAbout(axes, now);
        var rows = batch.Query<string>(ConvergenceSql.Accredited(store), process, at, on, process, at, on);
        return async () => AccreditedVoices.Of([.. (await rows).Select(ParseAccredited)], on);
    }

    private static AccreditedStakeholder ParseAccredited(string line)
    {
        var fields = line.Split('\u001f');
        return new AccreditedStakeholder(fields[0], Enum.Parse<StakeholderKind>(fields[1]), fields.Length > 2 ? Enum.Parse<RegionalGroup>(fields[2]) : null);
    }

    /// <summary>
    /// Measures each of <paramref name="issues"/> over its effective positions (own or inherited, <see cref="Inheritance"/>,
    /// on the date measured) of the stakeholders entitled then (<see cref="AccreditedVoices.Entitled"/>: a position of
    /// someone not entitled is not measured, nor inherited from), reading the stakeholders holding <paramref name="standing"/>
    /// and the members of groups among them (one query; with the members of the blocs a bloc basis lists), across the
    /// groups of <paramref name="rules"/>' basis on the date measured (<see cref="GroupAssignment"/>). Each issue's counted
    /// positions are ordered by stakeholder key, each with its group (none when the basis leaves it out).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, (IssueMeasure Measure, IReadOnlyList<MeasuredPosition> Positions)>> MeasureAsync(
        IQuerySession session,
        IReadOnlyCollection<string> issues,
        IReadOnlyList<StandingStance> standing,
        AccreditedVoices accredited,
        MeasureRules rules,
        CancellationToken cancellationToken)
    {
        var owners = standing.Select(r => r.Stakeholder).Concat(rules.Basis.BlocsToRead).Distinct(StringComparer.Ordinal).ToArray();
        var people = await session.OwnersAndMembersAsync(owners, cancellationToken);
        var stakeholders = people.ById();
        bool Entitled(string key) => stakeholders.TryGetValue(key, out var s) && accredited.Entitled(key, s.Kind);
        var on = accredited.On ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var grouping = GroupAssignment.On(rules.Basis, on, people);
        var byIssue = standing.Where(r => Entitled(r.Stakeholder)).GroupBy(r => r.Issue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Inheritance.Resolve<StandingStance>(g, people, on), StringComparer.Ordinal);

        var measured = new Dictionary<string, (IssueMeasure, IReadOnlyList<MeasuredPosition>)>(StringComparer.Ordinal);
        foreach (var key in issues)
        {
            var effective = byIssue.GetValueOrDefault(key) ?? [];
            var positions = effective
                .Where(e => Entitled(e.Key))
                .Select(e => new MeasuredPosition(
                    e.Key,
                    stakeholders[e.Key].Kind,
                    stakeholders[e.Key].RegionalGroup,
                    e.Value.Row.Stance,
                    e.Value.Row.Conditions,
                    e.Value.InheritedFrom)
                {
                    Group = grouping.Of(e.Key, stakeholders[e.Key].Kind, stakeholders[e.Key].RegionalGroup)?.Group,
                })
                .OrderBy(p => p.Stakeholder, StringComparer.Ordinal)
                .ToList();
            measured[key] = (ConvergenceMeasure.Measure(positions, accredited, rules.Thresholds, grouping), positions);
        }

        return measured;
    }
}
