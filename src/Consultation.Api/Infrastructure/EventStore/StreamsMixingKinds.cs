using System.Reflection;
using Marten.Storage;
using Npgsql;

namespace Consultation.Infrastructure.EventStore;

/// <summary>An event that begins a record of one kind, found inside the stream of another record.</summary>
public sealed record MixedStream(string StreamKey, string BeganWith, long Sequence, long Version, string Intruder);

/// <summary>
/// Finds streams holding records of more than one kind: an event that begins a record (<see cref="StartsStreamOfAttribute"/>)
/// anywhere but at version 1. The service refuses such writes (<see cref="NewStreams"/>); a store written before that
/// guard may hold some, and since a rebuild reproduces them and the hash chain covers them faithfully, neither of those
/// checks can tell. Events are never edited, so the finding is reported for a person to correct with new records.
/// </summary>
public static class StreamsMixingKinds
{
    public const int Limit = 100;

    public static async Task<IReadOnlyList<MixedStream>> FindAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var starting = typeof(StartsStreamOfAttribute).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<StartsStreamOfAttribute>() is not null)
            .Select(store.Options.EventTypeName)
            .ToArray();
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
             select e.stream_id, coalesce(f.type, ''), e.seq_id, e.version, e.type
             from {schema}.mt_events e left join {schema}.mt_events f on f.stream_id = e.stream_id and f.version = 1
             where e.version > 1 and e.type = any($1)
             order by e.seq_id
             limit {Limit}
             """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = starting });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<MixedStream>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new MixedStream(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4)));
        }

        return found;
    }
}
