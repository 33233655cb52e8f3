namespace Consultation.Processes;

/// <summary>A consultation process was launched under a mandate (e.g. a General Assembly resolution).</summary>
[StartsStreamOf("process")]
public sealed record ProcessLaunched(string Key, string Title, string MandateReference, DateOnly StartsOn, DateOnly? PlannedEndOn);

/// <summary>A named phase (consultation, stocktaking, negotiation…) began; phases never overlap.</summary>
public sealed record PhaseStarted(string ProcessKey, string Phase, string Title, DateOnly StartedOn);

public sealed record PhaseEnded(string ProcessKey, string Phase, DateOnly EndedOn);

/// <summary>A co-facilitator (a person, usually a Permanent Representative) was appointed.</summary>
public sealed record CoFacilitatorAppointed(string ProcessKey, string Facilitator, string Name, string? Representing, DateOnly AppointedOn);

public sealed record CoFacilitatorReleased(string ProcessKey, string Facilitator, DateOnly ReleasedOn, string Reason);

/// <summary>An issue — a question or building block positions are taken on — was put on the table.</summary>
public sealed record IssueTabled(string ProcessKey, string Issue, string Title, string Description, string? Theme, string? ParentIssue);

public sealed record IssueRetitled(string ProcessKey, string Issue, string PreviousTitle, string Title, string Reason);

public sealed record IssueRedescribed(string ProcessKey, string Issue, string Description, string Reason);

/// <summary>The issue keeps its history and positions but accepts no new positions.</summary>
public sealed record IssueRetired(string ProcessKey, string Issue, string Reason);

/// <summary>The process ended; afterwards it accepts nothing new.</summary>
public sealed record ProcessConcluded(string ProcessKey, DateOnly ConcludedOn, string? Outcome);
