using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;

namespace Consultation.Audit.Integrity;

/// <summary>
/// The database side of tamper evidence, created with the rest of the schema (<c>db-apply</c>, start-up):
/// the hash chain table, and triggers that refuse UPDATE, DELETE and TRUNCATE on the events table and on
/// the chain, for every role (a superuser can still switch triggers off: see the README).
/// Registered as a storage feature rather than an extended schema object so that it is applied after
/// Marten's own event tables exist.
/// </summary>
public sealed class AppendOnlySchema(StoreOptions options) : FeatureSchemaBase("AuditIntegrity", options.Advanced.Migrator)
{
    public const string ChainTableName = "mt_audit_chain";
    public const string GuardFunctionName = "mt_audit_refuse_change";

    public override Type StorageType => typeof(AppendOnlySchema);

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var schema = options.Events.DatabaseSchemaName;
        var chain = new Table(Name(schema, ChainTableName));
        chain.AddColumn<long>("seq_id").AsPrimaryKey();
        chain.AddColumn("stream_id", "varchar").NotNull();
        chain.AddColumn<long>("version").NotNull();
        chain.AddColumn("link", "varchar").NotNull();
        chain.AddColumn("chained_at", "timestamp with time zone").NotNull().DefaultValueByExpression("transaction_timestamp()");
        yield return chain;

        yield return Function.ForSql($"""
            CREATE OR REPLACE FUNCTION {schema}.{GuardFunctionName}() RETURNS trigger LANGUAGE plpgsql AS
            $function$
            BEGIN
              RAISE EXCEPTION '%.% is append-only: % refused. Events are facts; record a correction as a new event.', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
            END;
            $function$;
            """);

        foreach (var table in new[] { "mt_events", ChainTableName })
        {
            foreach (var (operation, events) in new[] { ("update", TriggerEvents.Update), ("delete", TriggerEvents.Delete), ("truncate", TriggerEvents.Truncate) })
            {
                // One event per trigger, so each is compared (and reported) on its own.
                yield return new GuardTrigger(Name(schema, $"{table}_no_{operation}"), Name(schema, table), $"{schema}.{GuardFunctionName}", events);
            }
        }
    }

    private static PostgresqlObjectName Name(string schema, string name) => new(schema, name, SchemaUtils.IdentifierUsage.General);
}
