namespace Consultation.Stakeholders;

/// <summary>A stakeholder entered the registry. States are keyed by their ISO 3166-1 alpha-3 code.</summary>
[StartsStreamOf("stakeholder")]
public sealed record StakeholderRegistered(
    string Key,
    StakeholderKind Kind,
    string Name,
    string? IsoCode,
    RegionalGroup? RegionalGroup);

/// <summary>The stakeholder's name changed (a real renaming, or a fix of how it was recorded).</summary>
public sealed record StakeholderRenamed(string Key, string PreviousName, string Name, string Reason);

/// <summary>The stakeholder became a member of a group or bloc (or an organization such as the EU) on a date.</summary>
public sealed record StakeholderJoinedGroup(string Key, string GroupKey, DateOnly JoinedOn, string? Reason);

/// <summary>The stakeholder stopped being a member of a group on a date (from that day on it is no longer a member).</summary>
public sealed record StakeholderLeftGroup(string Key, string GroupKey, DateOnly LeftOn, string? Reason);

/// <summary>The stakeholder was accredited to take part in a consultation process.</summary>
public sealed record StakeholderAccredited(string Key, string ProcessKey, DateOnly AccreditedOn, string? Reason);

/// <summary>
/// The stakeholder's accreditation to a process ended on a date (from that day on it no longer takes part); the period stays
/// in the history, and it may be accredited again from that day.
/// </summary>
public sealed record StakeholderAccreditationEnded(string Key, string ProcessKey, DateOnly EndedOn, string Reason);

/// <summary>The registry's events that concern one process (named in their <c>ProcessKey</c>): part of that process's audit trail.</summary>
public static class StakeholderEvents
{
    public static readonly IReadOnlyList<Type> ConcerningAProcess = [typeof(StakeholderAccredited), typeof(StakeholderAccreditationEnded)];
}
