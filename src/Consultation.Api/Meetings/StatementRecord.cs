using Consultation.Infrastructure.EventStore;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Consultation.Meetings;

/// <summary>
/// One statement as its own document (id <c>{process}/{meeting}/{statement}</c>), so "what did a stakeholder say across
/// meetings" is a database query over an index rather than a scan of every meeting record. Written inline with the
/// meeting stream (read-your-writes).
/// </summary>
public sealed record StatementRecord
{
    public required string Id { get; init; }

    public required string Process { get; init; }

    /// <summary>The meeting's stream key, <c>{process}/{meeting}</c>.</summary>
    public required string Meeting { get; init; }

    /// <summary>The statement's id within its meeting: s1, s2…</summary>
    public required string Statement { get; init; }

    /// <summary>The statement's number within its meeting, for ordering (s2 before s10).</summary>
    public int Number { get; init; }

    public required string Speaker { get; init; }

    public string? OnBehalfOf { get; init; }

    public IReadOnlyList<string> Issues { get; init; } = [];

    public required string Summary { get; init; }

    public required string Language { get; init; }

    public string? DocumentReference { get; init; }

    public DateOnly SaidOn { get; init; }

    public bool Late { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public static string IdOf(string meeting, string statement) => $"{meeting}/{statement}";
}

public sealed partial class StatementRecordProjection : EventProjection
{
    public StatementRecordProjection() => Options.DeleteViewTypeOnTeardown<StatementRecord>();

    public StatementRecord Create(IEvent<StatementRecorded> e) => new()
    {
        Id = StatementRecord.IdOf(e.Data.Key, e.Data.Statement),
        Process = e.Data.ProcessKey,
        Meeting = e.Data.Key,
        Statement = e.Data.Statement,
        Number = int.Parse(e.Data.Statement.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture),
        Speaker = e.Data.Speaker,
        OnBehalfOf = e.Data.OnBehalfOf,
        Issues = e.Data.Issues,
        Summary = e.Data.Summary,
        Language = e.Data.Language,
        DocumentReference = e.Data.DocumentReference,
        SaidOn = e.Data.SaidOn,
        Late = e.Data.Late,
        RecordedAt = e.RecordedAt(),
    };
}
