using System.Text.Json;

namespace Consultation.Audit;

/// <summary>Who recorded an event: the user id, the role it acted in and its display name (headers stamped by the pipeline).</summary>
public sealed record RecordedBy(string? User, string? Role, string? DisplayName);

/// <summary>
/// One event as an auditor sees it: where it sits, when and by whom it was recorded, why, and what it said. <see cref="Note"/>
/// labels what is not an event of the application: a sequence number Marten reserved for an append that failed
/// (<see cref="ReservedSequences"/>).
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    string StreamKey,
    long Version,
    string Type,
    DateTimeOffset RecordedAt,
    RecordedBy RecordedBy,
    string? CorrelationId,
    string? CausationId,
    string? Command,
    string? Reason,
    JsonElement Payload,
    string? Note = null);
