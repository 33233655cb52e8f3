namespace Consultation.Convergence.Areas;

/// <summary>
/// A facilitator identified an area of convergence at a meeting: a claim, in the facilitator's words, that views on
/// <see cref="Issues"/> are coming together. <see cref="Meeting"/> is the meeting's slug within the process.
/// </summary>
[StartsStreamOf("area of convergence")]
public sealed record AreaIdentified(
    string Key,
    string ProcessKey,
    string Area,
    string Title,
    string Description,
    IReadOnlyList<string> Issues,
    string Meeting,
    DateOnly IdentifiedOn);

/// <summary>The area was affirmed at a meeting later than the one it was identified or last affirmed at.</summary>
public sealed record AreaAffirmed(string Key, string Meeting, DateOnly AffirmedOn, string? Note);

public sealed record IssueLinkedToArea(string Key, string Issue, string? Reason);

public sealed record IssueUnlinkedFromArea(string Key, string Issue, string Reason);

/// <summary>
/// Views still diverge within the area: on <see cref="Issues"/>, among <see cref="Stakeholders"/>. Divergences are
/// numbered in the order noted: d1, d2…
/// </summary>
public sealed record DivergenceNoted(
    string Key,
    string Divergence,
    string Text,
    IReadOnlyList<string> Issues,
    IReadOnlyList<string> Stakeholders,
    DateOnly NotedOn);

/// <summary>The area's language made it into a draft text (e.g. the zero draft of the compact, paragraph 12).</summary>
public sealed record AreaConfirmedInText(string Key, string DocumentReference, string Paragraph, DateOnly ConfirmedOn);

/// <summary>The facilitator withdrew the claim; the area keeps its history and accepts nothing more.</summary>
public sealed record AreaDissolved(string Key, DateOnly DissolvedOn, string Reason);
