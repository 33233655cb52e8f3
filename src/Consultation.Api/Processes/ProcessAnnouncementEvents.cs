namespace Consultation.Processes;

// What a source says of a process before or beside its dated facts (see PlanPhase, NoteProcessDivergence and NoteLeadership).

/// <summary>A phase was announced for later; <see cref="ExpectedYear"/> only if the announcement named one.</summary>
public sealed record PhasePlanned(string ProcessKey, string Phase, string Title, int? ExpectedYear, DateOnly AnnouncedOn);

/// <summary>A divergence acknowledged for the process as a whole, not within one area of convergence.</summary>
public sealed record ProcessDivergenceNoted(string ProcessKey, string Divergence, string Text, IReadOnlyList<string> Issues, DateOnly NotedOn);

/// <summary>
/// A source says who leads the process: a role (e.g. "Co-facilitators") and the names it gives, none if it names nobody.
/// Formal appointments, with a person's name and date, are <see cref="CoFacilitatorAppointed"/>.
/// </summary>
public sealed record ProcessLeadershipNoted(string ProcessKey, string Role, IReadOnlyList<string> Names, DateOnly NotedOn);
