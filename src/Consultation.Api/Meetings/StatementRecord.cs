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

    /// <summary>Withdrawn from the record; listed still, marked so.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>When it was last corrected or withdrawn; null when it stands as recorded.</summary>
    public DateTimeOffset? LastChangedAt { get; init; }

    public StatementRecord Corrected(IEvent<StatementCorrected> e) => this with
    {
        Speaker = e.Data.Content.Speaker,
        OnBehalfOf = e.Data.Content.OnBehalfOf,
        Issues = e.Data.Content.Issues,
        Summary = e.Data.Content.Summary,
        Language = e.Data.Content.Language,
        DocumentReference = e.Data.Content.DocumentReference,
        SaidOn = e.Data.Content.SaidOn,
        LastChangedAt = e.RecordedAt(),
    };

    public StatementRecord WithdrawnBy(IEvent<StatementWithdrawn> e) => this with { Withdrawn = true, LastChangedAt = e.RecordedAt() };

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

    public Task Project(IEvent<StatementCorrected> e, IDocumentOperations operations) => RefoldAsync(e, e.Data.Key, e.Data.Statement, operations);

    public Task Project(IEvent<StatementWithdrawn> e, IDocumentOperations operations) => RefoldAsync(e, e.Data.Key, e.Data.Statement, operations);

    /// <summary>
    /// The statements of one meeting stream's events in version order, each as its record ends up: created when recorded,
    /// then corrected and withdrawn.
    /// </summary>
    public IReadOnlyList<StatementRecord> Fold(IEnumerable<IEvent> stream)
    {
        var records = new Dictionary<string, StatementRecord>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var e in stream)
        {
            switch (e)
            {
                case IEvent<StatementRecorded> recorded:
                    var record = Create(recorded);
                    records[record.Id] = record;
                    order.Add(record.Id);
                    break;
                case IEvent<StatementCorrected> corrected:
                    Change(StatementRecord.IdOf(corrected.Data.Key, corrected.Data.Statement), r => r.Corrected(corrected));
                    break;
                case IEvent<StatementWithdrawn> withdrawn:
                    Change(StatementRecord.IdOf(withdrawn.Data.Key, withdrawn.Data.Statement), r => r.WithdrawnBy(withdrawn));
                    break;
            }
        }

        return [.. order.Select(id => records[id])];

        void Change(string id, Func<StatementRecord, StatementRecord> change)
        {
            if (records.TryGetValue(id, out var current))
            {
                records[id] = change(current);
            }
        }
    }

    /// <summary>
    /// A correction or withdrawal folds the statement again from the meeting's stored events before it: a rebuild may meet
    /// the recording in the same batch, where the record it stored cannot be loaded yet. Corrections are rare; the read is
    /// one stream.
    /// </summary>
    private async Task RefoldAsync(IEvent e, string meeting, string statement, IDocumentOperations operations)
    {
        var earlier = await operations.Events.FetchStreamAsync(meeting, e.Version - 1);
        var id = StatementRecord.IdOf(meeting, statement);
        var record = Fold([.. earlier, e]).SingleOrDefault(r => r.Id == id)
            ?? throw new InvalidOperationException($"Statement '{id}' is {e.EventTypeName} but its recording is not in stream '{meeting}'.");
        operations.Store(record);
    }
}
