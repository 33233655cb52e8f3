using Npgsql;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// Each user's window in one row of <c>mt_write_windows</c>, shared by every node on the database, so a user has one
/// budget whatever the number of nodes. One statement takes a write: it opens a new window when the last one ended, counts
/// the write if the window has room, and otherwise answers when the window opened — atomically, as PostgreSQL locks the
/// user's row for <c>insert … on conflict … do update</c> and answers from the row it wrote. The rules of
/// <see cref="MemoryWriteWindows"/>, with the node's clock (<c>now</c>), except that a write stamped before the window
/// opened counts in it (requests from several nodes arrive out of order): keep the nodes' clocks in step (NTP).
/// </summary>
public sealed class DatabaseWriteWindows(IDocumentStore store, TimeSpan length) : IWriteWindows
{
    public const string TableName = "mt_write_windows";

    public async ValueTask<WriteWindowAnswer> TakeAsync(string user, int budget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = QualifiedName(store.Options.DatabaseSchemaName);
        // A write stamped a little before the window opened (another node's request, begun earlier, counted later) counts
        // in it: reopening the window for it, as for a clock turned back, would hand a burst over several nodes a fresh
        // budget at each such step. Only a clock turned back by more than a window reopens it.
        const string ended = "(@now >= w.opened + @length or @now < w.opened - @length)";
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        // Always one row back, read from the row this statement wrote (the latest, locked): a refused write updates the row
        // too (to say so) rather than skip it, because a statement that skipped it could only re-read the row from its own
        // snapshot, which a concurrent first write of the same user would not be in yet.
        await using var command = new NpgsqlCommand(
            $"insert into {table} as w (user_name, opened, writes, allowed) values (@user, @now, least(1, @budget), @budget > 0) "
            + $"on conflict (user_name) do update set opened = case when {ended} then @now else w.opened end, "
            + $"writes = case when {ended} then least(1, @budget) when w.writes < @budget then w.writes + 1 else w.writes end, "
            + $"allowed = case when {ended} then @budget > 0 else w.writes < @budget end "
            + "returning allowed, opened",
            connection);
        command.Parameters.AddWithValue("user", user);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("length", length);
        command.Parameters.AddWithValue("budget", budget);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.GetBoolean(0))
        {
            return new WriteWindowAnswer(true, TimeSpan.Zero);
        }

        var opened = reader.GetFieldValue<DateTimeOffset>(1);
        var left = opened + length - now;
        return new WriteWindowAnswer(false, left < TimeSpan.Zero ? TimeSpan.Zero : left > length ? length : left);
    }

    private static string QualifiedName(string schema) => $"{schema}.{TableName}";

    /// <summary>Adds the table to the store's schema (created and updated with the rest, whichever storage is configured).</summary>
    public static void Register(StoreOptions options) => options.Storage.Add(new Table(options));

    private sealed class Table(StoreOptions options) : FeatureSchemaBase("write-windows", options.Advanced.Migrator)
    {
        public override Type StorageType => typeof(DatabaseWriteWindows);

        protected override IEnumerable<ISchemaObject> schemaObjects()
        {
            var table = new Weasel.Postgresql.Tables.Table(new PostgresqlObjectName(options.DatabaseSchemaName, TableName, SchemaUtils.IdentifierUsage.General));
            table.AddColumn("user_name", "varchar").AsPrimaryKey();
            table.AddColumn("opened", "timestamptz").NotNull();
            table.AddColumn("writes", "integer").NotNull();
            table.AddColumn("allowed", "boolean").NotNull();
            yield return table;
        }
    }
}
