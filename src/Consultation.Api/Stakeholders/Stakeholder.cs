using System.Collections.Immutable;

namespace Consultation.Stakeholders;

/// <summary>Write model of a stakeholder stream: what the rules need to decide, nothing more.</summary>
public sealed record Stakeholder(string Id, StakeholderKind Kind, string Name, string? IsoCode, RegionalGroup? RegionalGroup)
{
    /// <summary>Every period of membership in a group, in the order they were recorded.</summary>
    public ImmutableList<GroupMembershipPeriod> Memberships { get; init; } = [];

    /// <summary>Every period of accreditation to a process, in the order recorded.</summary>
    public ImmutableList<ProcessAccreditation> Accreditations { get; init; } = [];

    public static Stakeholder Create(StakeholderRegistered registered) =>
        new(registered.Key, registered.Kind, registered.Name, registered.IsoCode, registered.RegionalGroup);

    public Stakeholder Apply(StakeholderRenamed renamed) => this with { Name = renamed.Name };

    public Stakeholder Apply(StakeholderJoinedGroup joined) =>
        this with { Memberships = Memberships.Add(new GroupMembershipPeriod(joined.GroupKey, joined.JoinedOn, null)) };

    public Stakeholder Apply(StakeholderLeftGroup left) =>
        CurrentMembership(left.GroupKey) is { } current
            ? this with { Memberships = Memberships.Replace(current, current with { LeftOn = left.LeftOn }) }
            : this;

    public Stakeholder Apply(StakeholderAccredited accredited) =>
        this with { Accreditations = Accreditations.Add(new ProcessAccreditation(accredited.ProcessKey, accredited.AccreditedOn)) };

    public Stakeholder Apply(StakeholderAccreditationEnded ended) =>
        CurrentAccreditation(ended.ProcessKey) is { } current
            ? this with { Accreditations = Accreditations.Replace(current, current with { EndedOn = ended.EndedOn, EndReason = ended.Reason }) }
            : this;

    /// <summary>The accreditation to a process in force (not ended), if there is one.</summary>
    public ProcessAccreditation? CurrentAccreditation(string process) => Accreditations.LastOrDefault(a => a.Process == process && a.IsCurrent);

    /// <summary>The day the stakeholder's last ended accreditation to a process ended, if one did.</summary>
    public DateOnly? LastAccreditationEnded(string process) =>
        Accreditations.Where(a => a.Process == process && a.EndedOn is not null).Select(a => a.EndedOn).Max();

    /// <summary>The open membership period in a group, if the stakeholder belongs to it now.</summary>
    public GroupMembershipPeriod? CurrentMembership(string group) => Memberships.LastOrDefault(m => m.Group == group && m.IsCurrent);

    /// <summary>The day the stakeholder last left a group, if it ever did.</summary>
    public DateOnly? LastLeft(string group) =>
        Memberships.Where(m => m.Group == group && m.LeftOn is not null).Select(m => m.LeftOn).Max();
}
