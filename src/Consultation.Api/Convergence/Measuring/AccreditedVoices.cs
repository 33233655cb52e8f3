using Consultation.Convergence.Measuring.Grouping;
using Consultation.Stakeholders;

namespace Consultation.Convergence.Measuring;

/// <summary>
/// The accredited stakeholders as the measure counts them — voices (groups and blocs are not counted again), the Member
/// States among them, and how many of each declared group — worked out once for every issue a snapshot measures; and who
/// is entitled to be measured on the date measured (<see cref="On"/>): States, and those accredited then.
/// </summary>
public sealed class AccreditedVoices
{
    private AccreditedVoices(IReadOnlyCollection<AccreditedStakeholder> voices, IEnumerable<AccreditedStakeholder> accredited, DateOnly? on)
    {
        On = on;
        Accredited = new HashSet<string>(accredited.Select(a => a.Stakeholder), StringComparer.Ordinal);
        Voices = new HashSet<string>(voices.Select(a => a.Stakeholder), StringComparer.Ordinal);
        MemberStates = new HashSet<string>(voices.Where(a => a.Kind == StakeholderKind.MemberState).Select(a => a.Stakeholder), StringComparer.Ordinal);
        _voices = voices;
    }

    private readonly IReadOnlyCollection<AccreditedStakeholder> _voices;

    private readonly Dictionary<GroupAssignment, IReadOnlyDictionary<(string Group, GroupBasis Basis), int>> _byGroup = [];

    /// <summary>The date measured: whose accreditation is in force, and whose membership of a group makes it inherit (null: not said, as in pure tests).</summary>
    public DateOnly? On { get; }

    /// <summary>Every stakeholder accredited on the date measured, groups and blocs included.</summary>
    public IReadOnlySet<string> Accredited { get; }

    public IReadOnlySet<string> Voices { get; }

    public IReadOnlySet<string> MemberStates { get; }

    /// <summary>How many accredited voices each group of <paramref name="grouping"/> has (worked out once per grouping: a snapshot measures many issues).</summary>
    public IReadOnlyDictionary<(string Group, GroupBasis Basis), int> CountByGroup(GroupAssignment grouping)
    {
        lock (_byGroup)
        {
            if (!_byGroup.TryGetValue(grouping, out var counts))
            {
                counts = _voices
                    .Select(a => grouping.Of(a.Stakeholder, a.Kind, a.RegionalGroup))
                    .OfType<(string Group, GroupBasis Basis)>()
                    .GroupBy(g => g)
                    .ToDictionary(g => g.Key, g => g.Count());
                _byGroup[grouping] = counts;
            }

            return counts;
        }
    }

    public static AccreditedVoices Of(IEnumerable<AccreditedStakeholder> accredited, DateOnly? on = null)
    {
        var all = accredited as IReadOnlyCollection<AccreditedStakeholder> ?? [.. accredited];
        return new(
            [
                .. all
                    .Where(a => a.Kind != StakeholderKind.GroupOrBloc)
                    .DistinctBy(a => a.Stakeholder, StringComparer.Ordinal),
            ],
            all,
            on);
    }

    /// <summary>Whether a stakeholder is measured: a State, or accredited on the date measured (<see cref="Positions.Entitlement"/>).</summary>
    public bool Entitled(string stakeholder, StakeholderKind kind) => kind.IsState() || Accredited.Contains(stakeholder);
}
