using Consultation.Positions;
using Consultation.Positions.Views;
using Consultation.Stakeholders;
using JasperFx.Events;
using Marten.Services.BatchQuerying;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Consultation.Convergence.Measuring.Live;

/// <summary>
/// Which issues a transaction changed the measure of, written by the writes themselves (<see cref="Listener"/>, in the
/// same transaction as the events): a row (process, issue, the writing transaction's id, the events' recorded time) per
/// issue whose positions it changed and recorded time of its events, a row (process, <see cref="Everything"/>) when it
/// changed an accreditation to the process, a row per issue a membership it changed can move (inheritance, the groups of
/// a basis of blocs), and a row (<see cref="Everything"/>, <see cref="Everything"/>) when the read models were rebuilt. Insert-only: concurrent writers never wait on each other. Read two ways:
/// <list type="bullet">
/// <item><see cref="LiveMeasures"/> asks which issues changed in transactions it may not have seen: those with an id at or
/// above the oldest transaction still running when it last read (<c>pg_snapshot_xmin</c>) — a transaction that commits
/// late is never missed, as it would be by comparing event sequences or timestamps.</item>
/// <item><see cref="Summaries.SettledSnapshots"/> asks which issues changed between two recorded moments (<c>at</c>, the
/// time an as-of read compares with), to move a kept snapshot to a moment near it.</item>
/// </list>
/// </summary>
public sealed class MeasureChanges(StoreOptions options) : FeatureSchemaBase("measure-changes", options.Advanced.Migrator)
{
    public const string TableName = "mt_measure_changes";

    /// <summary>The process and issue of a change that may move every measure.</summary>
    public const string Everything = "*";

    public static void Register(StoreOptions options)
    {
        options.Storage.Add(new MeasureChanges(options));
        options.Listeners.Add(new Listener());
    }

    public static string QualifiedName(IDocumentStore store) => $"{store.Options.Events.DatabaseSchemaName}.{TableName}";

    public override Type StorageType => typeof(MeasureChanges);

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var table = new Table(new PostgresqlObjectName(options.Events.DatabaseSchemaName, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("process", "varchar").NotNull();
        table.AddColumn("issue", "varchar").NotNull();
        table.AddColumn("txid", "xid8").NotNull().DefaultValueByExpression("pg_current_xact_id()");
        // Null on the rows written before the column existed (a store upgraded): when those changes were recorded is unknown.
        table.AddColumn("at", "timestamptz");
        table.Indexes.Add(new IndexDefinition($"idx_{TableName}_process_txid") { Columns = ["process", "txid"] });
        table.Indexes.Add(new IndexDefinition($"idx_{TableName}_process_at") { Columns = ["process", "at"] });
        yield return table;
    }

    /// <summary>
    /// The issues of <paramref name="process"/> whose positions changed by events recorded after <paramref name="after"/>
    /// up to <paramref name="upTo"/>; <see cref="Everything"/> among them when the registry changed then, or when the
    /// process has changes of unknown time (written before the store recorded times).
    /// </summary>
    public static Func<Task<IReadOnlyList<string>>> Between(IBatchedQuery batch, IDocumentStore store, string process, DateTimeOffset after, DateTimeOffset upTo)
    {
        var table = QualifiedName(store);
        var issues = batch.Query<string>(
            $"select distinct issue from {table} where process = any(?) and at > ? and at <= ? "
            + $"union all (select ? from {table} where process = any(?) and at is null limit 1)",
            new[] { process, Everything },
            after,
            upTo,
            Everything,
            new[] { process, Everything });
        return async () => await issues;
    }

    /// <summary>Records that every measure may have moved, outside any write (after a rebuild rewrote the read models).</summary>
    public static async Task RecordEverythingAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"insert into {QualifiedName(store)} (process, issue, at) values (?, ?, ?)", Everything, Everything, DateTimeOffset.UtcNow);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The issues (process, issue) a set of events changes the measure of — every issue (<see cref="Everything"/>) of the
    /// process an accreditation concerns; memberships are found in the database (<see cref="MembershipChanges"/>); each
    /// at every recorded time of the events that change it (the events of one save are stamped one by one: an as-of moment
    /// may fall between two of them).
    /// </summary>
    public static IEnumerable<(string Process, string Issue, DateTimeOffset At)> Of(IEnumerable<IEvent> events) =>
        events.Select(e => (Change: Of(e.Data), e.Timestamp))
            .Where(x => x.Change.Process is not null)
            .Select(x => (x.Change.Process, x.Change.Issue, x.Timestamp))
            .Distinct();

    private static (string Process, string Issue) Of(object data) =>
        data switch
        {
            PositionStated x => (x.Process, x.Issue),
            PositionRevised x => IssueOf(x.Key),
            PositionCorrected x => IssueOf(x.Key),
            PositionWithdrawn x => IssueOf(x.Key),
            // An accreditation moves the entitlement of one stakeholder in one process. A registration moves nothing: a
            // stakeholder just registered holds no position and no accreditation. A membership: see MembershipChanges.
            StakeholderAccredited x => (x.ProcessKey, Everything),
            StakeholderAccreditationEnded x => (x.ProcessKey, Everything),
            _ => (null!, null!),
        };

    /// <summary>
    /// The issues a membership (parameters: its recorded time, the member, the group, the member) changes the measure of:
    /// those where the member, the group or another group of the member holds (or held) a position — what the member
    /// inherits, and where its group on a basis of blocs counts — in every process.
    /// </summary>
    private static string MembershipChanges(IDocumentStore store)
    {
        var stakeholder = "v." + store.Options.DuplicatedColumnOf<PositionVersion>(v => v.Stakeholder);
        var groups = $"select {StoredJson.Text<GroupMembershipPeriod>("g", g => g.Group)} from {store.TableOf<StakeholderDetails>()} as s, "
            + $"jsonb_array_elements({StoredJson.Json<StakeholderDetails>("s.data", s => s.Groups)}) g where s.id = ?";
        return $"insert into {QualifiedName(store)} (process, issue, at) select distinct v.{store.Options.DuplicatedColumnOf<PositionVersion>(x => x.Process)}, "
            + $"v.{store.Options.DuplicatedColumnOf<PositionVersion>(x => x.Issue)}, ?::timestamptz from {store.TableOf<PositionVersion>()} as v "
            + $"where {stakeholder} = ? or {stakeholder} = ? or {stakeholder} in ({groups})";
    }

    /// <summary>A position's key is <c>{process}/{issue}/{stakeholder}</c>.</summary>
    private static (string, string) IssueOf(string positionKey)
    {
        var parts = positionKey.Split('/');
        return (parts[0], parts[1]);
    }

    /// <summary>Queues the rows of a save's changes into its own unit of work: they commit or roll back with the events.</summary>
    public sealed class Listener : DocumentSessionListenerBase
    {
        public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            var changed = Of(session.PendingChanges.Streams().SelectMany(s => s.Events)).ToList();
            if (changed.Count > 0)
            {
                session.QueueSqlCommand(
                    $"insert into {QualifiedName(session.DocumentStore)} (process, issue, at) select * from unnest(?, ?, ?)",
                    changed.Select(c => c.Process).ToArray(),
                    changed.Select(c => c.Issue).ToArray(),
                    changed.Select(c => c.At).ToArray());
            }

            foreach (var e in session.PendingChanges.Streams().SelectMany(s => s.Events))
            {
                var membership = e.Data switch
                {
                    StakeholderJoinedGroup x => (x.Key, x.GroupKey),
                    StakeholderLeftGroup x => (x.Key, x.GroupKey),
                    _ => ((string Member, string Group)?)null,
                };
                if (membership is var (member, group))
                {
                    session.QueueSqlCommand(MembershipChanges(session.DocumentStore), e.Timestamp, member, group, member);
                }
            }

            return Task.CompletedTask;
        }
    }
}
