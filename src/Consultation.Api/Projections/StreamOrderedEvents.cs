using System.Runtime.CompilerServices;
using JasperFx.Events;
using Npgsql;

namespace Consultation.Projections;

/// <summary>
/// Events of some types up to a sequence, ordered by stream and version, in one streamed query: the columns a stream fold
/// reads (stream key, version, sequence, timestamp, data), the data deserialized with the store's serializer as Marten's
/// own event reads do. Marten's LINQ event query reads and materialises every metadata column and was ~4× slower here.
/// Archived events are left out, as the daemon leaves them out of a rebuild.
/// </summary>
public static class StreamOrderedEvents
{
    public static async Task<long> CountAsync(IDocumentStore store, IReadOnlyList<Type> types, long ceiling, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(store, cancellationToken);
        await using var command = Command(store, "count(*)", string.Empty, types, ceiling, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async IAsyncEnumerable<IEvent> ReadAsync(
        IDocumentStore store,
        IReadOnlyList<Type> types,
        long ceiling,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var graph = (Marten.Events.EventGraph)((StoreOptions)store.Options).Events;
        var byName = types.ToDictionary(t => graph.EventMappingFor(t).EventTypeName, t => (Type: t, Wrap: EventWrapper.For(t)));
        var serializer = store.Options.Serializer();
        await using var connection = await OpenAsync(store, cancellationToken);
        await using var command = Command(store, "stream_id, version, seq_id, timestamp, type, data", " order by stream_id, version", types, ceiling, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (type, wrap) = byName[reader.GetString(4)];
            var e = wrap(serializer.FromJson(type, reader, 5));
            e.StreamKey = reader.GetString(0);
            e.Version = reader.GetInt64(1);
            e.Sequence = reader.GetInt64(2);
            e.Timestamp = reader.GetFieldValue<DateTimeOffset>(3);
            yield return e;
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static NpgsqlCommand Command(IDocumentStore store, string columns, string order, IReadOnlyList<Type> types, long ceiling, NpgsqlConnection connection)
    {
        var graph = (Marten.Events.EventGraph)((StoreOptions)store.Options).Events;
        var command = new NpgsqlCommand(
            $"select {columns} from {store.Options.Events.DatabaseSchemaName}.mt_events where seq_id <= @ceiling and type = any(@types) and is_archived = false{order}",
            connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("ceiling", ceiling);
        command.Parameters.AddWithValue("types", types.Select(t => graph.EventMappingFor(t).EventTypeName).ToArray());
        return command;
    }

    private static class EventWrapper
    {
        public static Func<object, IEvent> For(Type type) =>
            (Func<object, IEvent>)Delegate.CreateDelegate(typeof(Func<object, IEvent>), typeof(EventWrapper).GetMethod(nameof(Wrap), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(type));

        private static IEvent Wrap<T>(object data) where T : notnull => new Event<T>((T)data);
    }
}
