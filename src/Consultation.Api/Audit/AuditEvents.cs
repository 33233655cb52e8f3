namespace Consultation.Audit;

/// <summary>An auditor exported a range of the record: which filter, in which format, how many rows, and whether it ran to the end.</summary>
public sealed record AuditExported(
    string Format,
    AuditFilterApplied Filter,
    long Rows,
    long? FirstSequence,
    long? LastSequence,
    bool Completed,
    DateTimeOffset ExportedAt);

/// <summary>The filter of an export as the auditor gave it (null = not given).</summary>
public sealed record AuditFilterApplied(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? User,
    string? Type,
    string? Process,
    string? StreamKind,
    long? AfterSequence,
    int? Limit);
