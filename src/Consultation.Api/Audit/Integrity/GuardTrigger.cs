using System.Data.Common;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Triggers;

namespace Consultation.Audit.Integrity;

/// <summary>
/// A BEFORE trigger that calls the append-only guard, compared with the database through the catalog
/// (<c>pg_trigger.tgtype</c> and the function called) rather than through <c>pg_get_triggerdef</c>'s text, which
/// leaves out the schema when it is on the search path (a role named like the schema), so Weasel's text comparison
/// would report a change on every check and /health/ready would never be healthy.
/// </summary>
public sealed class GuardTrigger : Trigger
{
    private const short Row = 1;
    private const short Before = 2;

    private readonly PostgresqlObjectName _name;
    private readonly PostgresqlObjectName _table;
    private readonly string _function;
    private readonly short _type;

    public GuardTrigger(PostgresqlObjectName name, PostgresqlObjectName table, string function, TriggerEvents events)
        : base(name, table, $"{function}()")
    {
        _name = name;
        _table = table;
        _function = function;
        Timing = TriggerTiming.Before;
        Events = events;
        ForEachRow = events != TriggerEvents.Truncate;
        _type = (short)(Before | (ForEachRow ? Row : 0) | events switch
        {
            TriggerEvents.Update => 16,
            TriggerEvents.Delete => 8,
            TriggerEvents.Truncate => 32,
            _ => throw new ArgumentOutOfRangeException(nameof(events), events, "one of UPDATE, DELETE, TRUNCATE"),
        });
    }

    public override void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder)
    {
        builder.Append("""
            select t.tgtype, fn.nspname || '.' || f.proname
            from pg_trigger t
              join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
              join pg_proc f on f.oid = t.tgfoid join pg_namespace fn on fn.oid = f.pronamespace
            where not t.tgisinternal and n.nspname = 
            """);
        builder.AppendParameter(_table.Schema);
        builder.Append(" and c.relname = ");
        builder.AppendParameter(_table.Name);
        builder.Append(" and t.tgname = ");
        builder.AppendParameter(_name.Name);
        builder.Append(";");
    }

    public override async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct))
        {
            return new SchemaObjectDelta(this, SchemaPatchDifference.Create);
        }

        var matches = reader.GetInt16(0) == _type && reader.GetString(1) == _function;
        return new SchemaObjectDelta(this, matches ? SchemaPatchDifference.None : SchemaPatchDifference.Update);
    }
}
