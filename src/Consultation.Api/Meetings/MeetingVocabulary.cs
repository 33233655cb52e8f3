namespace Consultation.Meetings;

public enum MeetingKind
{
    ThematicSession,
    RegionalConsultation,
    MultiStakeholderHearing,
    StocktakingMeeting,
    IdeaLab,
    NegotiationRound,
    InformalConsultation,
    Other,
}

/// <summary>Scheduled → Open → Closed, or Scheduled → Cancelled.</summary>
public enum MeetingStatus
{
    Scheduled,
    Open,
    Closed,
    Cancelled,
}

public enum ParticipantRole
{
    Speaker,
    Observer,
    Chair,
    Panellist,
    Other,
}

/// <summary>What a finding brought to a meeting is.</summary>
public enum FindingKind
{
    Figure,
    Practice,
    Perspective,

    /// <summary>Something the speaker states as known without giving a figure (e.g. "more and more women migrate").</summary>
    Fact,
}
