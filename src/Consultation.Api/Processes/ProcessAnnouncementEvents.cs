namespace Consultation.Processes;

// What a source says of a process before or beside its dated facts (see PlanPhase and NoteProcessDivergence).

/// <summary>A phase was announced for later; <see cref="ExpectedYear"/> only if the announcement named one.</summary>
public sealed record PhasePlanned(string ProcessKey, string Phase, string Title, int? ExpectedYear, DateOnly AnnouncedOn);

/// <summary>A divergence acknowledged for the process as a whole, not within one area of convergence.</summary>
public sealed record ProcessDivergenceNoted(string ProcessKey, string Divergence, string Text, IReadOnlyList<string> Issues, DateOnly NotedOn);
