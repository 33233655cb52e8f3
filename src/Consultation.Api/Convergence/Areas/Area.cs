using System.Collections.Immutable;

namespace Consultation.Convergence.Areas;

/// <summary>Write model of an area-of-convergence stream (key <c>{process}/area:{area}</c>): what its rules need to decide.</summary>
public sealed record Area(
    string Id,
    string ProcessKey,
    string Slug,
    AreaStatus Status,
    ImmutableList<string> Issues,
    string LastMeeting,
    DateOnly LastMeetingDate,
    DateOnly IdentifiedOn)
{
    public int Divergences { get; init; }

    /// <summary>Draft texts and paragraphs the area was confirmed in, as <c>(document, paragraph)</c>.</summary>
    public ImmutableHashSet<(string Document, string Paragraph)> Confirmations { get; init; } = [];

    public DateOnly? LastConfirmedOn { get; init; }

    /// <summary>
    /// The stream key of an area: <c>gcm/area:rejecting-business-as-usual</c>. The colon keeps it apart from every other
    /// stream key (meetings <c>{process}/{meeting}</c>, positions <c>{process}/{issue}/{stakeholder}</c> are slugs only).
    /// </summary>
    public static string KeyOf(string process, string area) => $"{process}/area:{area}";

    /// <summary>Divergences are numbered in the order noted: d1, d2…</summary>
    public string NextDivergenceId => $"d{Divergences + 1}";

    public static Area Create(AreaIdentified e) =>
        new(e.Key, e.ProcessKey, e.Area, AreaStatus.Identified, [.. e.Issues], e.Meeting, e.IdentifiedOn, e.IdentifiedOn);

    public Area Apply(AreaAffirmed e) => this with { Status = AreaStatus.Affirmed, LastMeeting = e.Meeting, LastMeetingDate = e.AffirmedOn };

    public Area Apply(IssueLinkedToArea e) => this with { Issues = Issues.Add(e.Issue) };

    public Area Apply(IssueUnlinkedFromArea e) => this with { Issues = Issues.Remove(e.Issue) };

    public Area Apply(DivergenceNoted e) => this with { Divergences = Divergences + 1 };

    public Area Apply(AreaConfirmedInText e) =>
        this with
        {
            Status = AreaStatus.ConfirmedInText,
            Confirmations = Confirmations.Add((e.DocumentReference, e.Paragraph)),
            LastConfirmedOn = e.ConfirmedOn,
        };

    public Area Apply(AreaDissolved e) => this with { Status = AreaStatus.Dissolved };
}
