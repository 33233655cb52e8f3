namespace Consultation.Stakeholders;

/// <summary>What sort of participant a stakeholder is; also the declared group of non-state stakeholders.</summary>
public enum StakeholderKind
{
    MemberState,
    ObserverState,
    GroupOrBloc,
    IntergovernmentalOrganization,
    UnEntity,
    CivilSociety,
    Academia,
    PrivateSector,
    Other,
}

public static class StakeholderKinds
{
    public static bool IsState(this StakeholderKind kind) => kind is StakeholderKind.MemberState or StakeholderKind.ObserverState;

    /// <summary>Stakeholders others can join: groups and blocs, and organizations with members (e.g. the European Union).</summary>
    public static bool HasMembers(this StakeholderKind kind) => kind is StakeholderKind.GroupOrBloc or StakeholderKind.IntergovernmentalOrganization;
}
