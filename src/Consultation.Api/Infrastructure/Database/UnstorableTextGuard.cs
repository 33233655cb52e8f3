using System.Collections;
using Marten.Services;
using Npgsql;
using NpgsqlTypes;

namespace Consultation.Infrastructure.Database;

/// <summary>
/// The last check before a statement leaves for PostgreSQL: a parameter holding text PostgreSQL refuses (U+0000, an unpaired
/// surrogate, <c>\u0000</c> in JSON) stops the statement here with <see cref="UnstorableText"/>, so PostgreSQL never refuses it.
/// <para>
/// Why not let PostgreSQL refuse it: it refuses such a parameter while binding it, and Npgsql 10.0.3 mishandles an error at Bind
/// in the round trip in which it auto-prepares the statement (its fifth use on a connection; <c>Max Auto Prepare</c> is on, see
/// <see cref="StatementPreparation"/>). It records the statement as prepared on Parse's answer, but the Describe answer that
/// would give it the statement's columns never comes, so it keeps it as a statement returning no rows. The next use of the same
/// SQL on that pooled connection, by anyone, fails with "Received unexpected backend message DataRow" and breaks the connection.
/// Npgsql gives no hook after the error while the connection is still held, so the check runs before: Marten calls
/// <see cref="IMartenSessionLogger.OnBeforeExecute(NpgsqlCommand)"/> before every command and batch it sends, and code
/// that talks to Npgsql directly with request values calls <see cref="Check(NpgsqlCommand)"/>.
/// </para>
/// </summary>
public sealed class UnstorableTextGuard : IMartenLogger, IMartenSessionLogger
{
    public static void Check(NpgsqlCommand command)
    {
        foreach (NpgsqlParameter parameter in command.Parameters)
        {
            Check(parameter);
        }
    }

    public static void Check(NpgsqlBatch batch)
    {
        foreach (var command in batch.BatchCommands)
        {
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                Check(parameter);
            }
        }
    }

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command) => Check(command);

    public void OnBeforeExecute(NpgsqlBatch batch) => Check(batch);

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex)
    {
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
    }

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
    }

    public void LogFailure(Exception ex, string message)
    {
    }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    private static void Check(NpgsqlParameter parameter)
    {
        var json = (parameter.NpgsqlDbType & ~NpgsqlDbType.Array) is NpgsqlDbType.Jsonb or NpgsqlDbType.Json
            || parameter.DataTypeName?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        if (!IsStorable(parameter.Value, json))
        {
            throw new UnstorableText(null);
        }
    }

    private static bool IsStorable(object? value, bool json) => value switch
    {
        null or DBNull => true,
        string text => StorableText.IsStorable(text) && !(json && StorableText.HasEscapedNul(text)),
        char[] chars => IsStorable(new string(chars), json),
        byte[] bytes => !json || !StorableText.HasEscapedNul(bytes),
        ArraySegment<byte> segment => !json || !StorableText.HasEscapedNul(segment),
        ReadOnlyMemory<byte> memory => !json || !StorableText.HasEscapedNul(memory.Span),
        IEnumerable items => items.Cast<object?>().All(item => IsStorable(item, json)),
        _ => true,
    };
}
