using Consultation.Infrastructure.Pipeline;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Audit;

/// <summary>
/// The audit log's SQL over <c>mt_events</c> where it names anything of ours, in one place: the headers the pipeline stamps
/// (<see cref="EventHeaders"/>), the JSON fields of events (<see cref="StoredJson"/>, from the members) and event type names
/// (<see cref="EventTypeNames"/>, from the store's event graph). Marten's own columns (<c>seq_id</c>, <c>stream_id</c>,
/// <c>type</c>, <c>timestamp</c>…) are written as they are.
/// </summary>
public static class AuditSql
{
    /// <summary>The columns of an <see cref="AuditEntry"/>, in the order <see cref="AuditLog"/> reads them, from <c>mt_events e</c>.</summary>
    public static readonly string Columns =
        $"e.seq_id, e.stream_id, e.version, e.type, e.timestamp, e.user_name, e.headers ->> '{EventHeaders.Role}', e.correlation_id, e.causation_id, "
        + $"e.headers ->> '{EventHeaders.Command}', e.data ->> '{StoredJson.NameOf(nameof(StakeholderRenamed.Reason))}', e.data::text, "
        + $"e.headers ->> '{EventHeaders.DisplayName}'";

    /// <summary>The field naming the process in every registry event that concerns one (they share it; a type initializer error says otherwise).</summary>
    private static readonly string ProcessKeyField = StakeholderEvents.ConcerningAProcess
        .Select(t => StoredJson.Name(t, nameof(StakeholderAccredited.ProcessKey)))
        .Distinct()
        .Single();

    public static string Events(IDocumentStore store) => $"{store.Options.Events.DatabaseSchemaName}.mt_events";

    /// <summary>
    /// Events of process <c>@process</c>: its own streams (keys <c>@processChildren</c>, <c>@processOwn</c>: its key then
    /// <c>/%</c>, <c>:%</c>) and the registry's events that name it (<see cref="StakeholderEvents.ConcerningAProcess"/>).
    /// Their type names are ours, written as literals so the planner can use the accreditations' partial index.
    /// </summary>
    public static string OfProcess(IDocumentStore store)
    {
        var concerning = string.Join(", ", StakeholderEvents.ConcerningAProcess.Select(t => $"'{store.Options.EventTypeName(t)}'"));
        return "(e.stream_id = @process or e.stream_id like @processChildren or e.stream_id like @processOwn"
            + $" or (e.type in ({concerning}) and e.data ->> '{ProcessKeyField}' = @process))";
    }

    /// <summary>
    /// Key shapes: process <c>gcm</c>, stakeholder <c>MEX</c> / <c>african-group</c>, meeting <c>gcm/stocktaking-2017</c>,
    /// position <c>gcm/issue/MEX</c>, area <c>gcm/area:name</c>, submission <c>gcm/submission:name</c>, settings <c>gcm:convergence-settings</c>, audit <c>audit:…</c>.
    /// Processes and stakeholders share the one-segment shape, so their stream's first event tells them apart.
    /// </summary>
    public static string OfKind(IDocumentStore store, StreamKind kind) => kind switch
    {
        StreamKind.Stakeholder => FirstEventIs(store, store.Options.EventTypeName<StakeholderRegistered>()),
        StreamKind.Process => FirstEventIs(store, store.Options.EventTypeName<ProcessLaunched>()),
        StreamKind.Meeting => "e.stream_id ~ '^[^/:]+/[^/:]+$'",
        StreamKind.Position => "e.stream_id ~ '^[^/:]+/[^/:]+/[^/:]+$'",
        StreamKind.Area => "e.stream_id ~ '^[^/:]+/area:[^/:]+$'",
        StreamKind.Submission => "e.stream_id ~ '^[^/:]+/submission:[^/:]+$'",
        StreamKind.Settings => "e.stream_id ~ '^[^/:]+:convergence-settings$'",
        StreamKind.Audit => "e.stream_id like 'audit:%'",
        StreamKind.Reserved => $"e.stream_id = '{ReservedSequences.StreamKey}'",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string FirstEventIs(IDocumentStore store, string type) =>
        $"e.stream_id !~ '[/:]' and exists (select 1 from {Events(store)} f where f.stream_id = e.stream_id and f.version = 1 and f.type = '{type}')";
}
