using System.Data.Common;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;

namespace Consultation.Infrastructure.EventStore;

/// <summary>
/// One b-tree index of ours on <c>{schema}.mt_events</c>, partial when <paramref name="where"/> is given; present or missing
/// is all the diff checks. Marten's table has no hook for extra indexes: register the name with
/// <c>options.Events.IgnoreIndex</c> (else its diff would drop it as unknown) and yield this from a feature, which Marten
/// applies after the event tables.
/// </summary>
public sealed class EventsIndex(string schema, string name, string columns, string? where = null) : ISchemaObject
{
    public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, name, SchemaUtils.IdentifierUsage.General);

    public void WriteCreateStatement(Migrator migrator, TextWriter writer) =>
        writer.WriteLine($"create index if not exists {name} on {schema}.mt_events using btree ({columns}){(where is null ? string.Empty : $" where {where}")};");

    public void WriteDropStatement(Migrator rules, TextWriter writer) => writer.WriteLine($"drop index if exists {schema}.{name};");

    public void ConfigureQueryCommand(DbCommandBuilder builder)
    {
        builder.Append("select indexname from pg_indexes where schemaname = ");
        builder.AppendParameter(schema);
        builder.Append(" and indexname = ");
        builder.AppendParameter(name);
        builder.Append(';');
    }

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default) =>
        new SchemaObjectDelta(this, await reader.ReadAsync(ct) ? SchemaPatchDifference.None : SchemaPatchDifference.Create);

    public IEnumerable<DbObjectName> AllNames()
    {
        yield return Identifier;
    }
}
