using Consultation.Stakeholders;

namespace Consultation.Convergence.Measuring;

/// <summary>
/// The accredited stakeholders as the measure counts them — voices (groups and blocs are not counted again), the Member
/// States among them, and how many of each declared group — worked out once for every issue a snapshot measures.
/// </summary>
public sealed class AccreditedVoices
{
    private AccreditedVoices(IReadOnlyCollection<AccreditedStakeholder> voices)
    {
        Voices = new HashSet<string>(voices.Select(a => a.Stakeholder), StringComparer.Ordinal);
        MemberStates = new HashSet<string>(voices.Where(a => a.Kind == StakeholderKind.MemberState).Select(a => a.Stakeholder), StringComparer.Ordinal);
        ByGroup = voices.GroupBy(a => ConvergenceMeasure.GroupOf(a.Kind, a.RegionalGroup)).ToDictionary(g => g.Key, g => g.Count());
    }

    public IReadOnlySet<string> Voices { get; }

    public IReadOnlySet<string> MemberStates { get; }

    public IReadOnlyDictionary<(string Group, GroupBasis Basis), int> ByGroup { get; }

    public static AccreditedVoices Of(IEnumerable<AccreditedStakeholder> accredited) => new(
    [
        .. accredited
            .Where(a => a.Kind != StakeholderKind.GroupOrBloc)
            .DistinctBy(a => a.Stakeholder, StringComparer.Ordinal),
    ]);
}
