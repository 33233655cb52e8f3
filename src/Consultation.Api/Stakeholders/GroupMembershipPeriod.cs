using System.Text.Json.Serialization;

namespace Consultation.Stakeholders;

/// <summary>
/// One period of membership in a group: a member from <see cref="JoinedOn"/> (inclusive) until
/// <see cref="LeftOn"/> (exclusive: on the day it leaves it is no longer a member), or still a member.
/// </summary>
public sealed record GroupMembershipPeriod(string Group, DateOnly JoinedOn, DateOnly? LeftOn)
{
    [JsonIgnore]
    public bool IsCurrent => LeftOn is null;

    public bool Covers(DateOnly on) => JoinedOn <= on && (LeftOn is null || LeftOn > on);
}

/// <summary>
/// One period of a stakeholder's accreditation to a consultation process: from <see cref="AccreditedOn"/> (inclusive) until
/// <see cref="EndedOn"/> (exclusive: on the day it ends the stakeholder no longer takes part), or still in force.
/// </summary>
public sealed record ProcessAccreditation(string Process, DateOnly AccreditedOn, DateOnly? EndedOn = null, string? EndReason = null)
{
    [JsonIgnore]
    public bool IsCurrent => EndedOn is null;

    public bool Covers(DateOnly on) => AccreditedOn <= on && (EndedOn is null || EndedOn > on);
}
