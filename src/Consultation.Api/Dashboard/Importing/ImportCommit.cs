using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Consultation.Imports;
using Consultation.Imports.Reading;
using Consultation.Infrastructure.Idempotency;
using Consultation.Infrastructure.Pipeline;

namespace Consultation.Dashboard.Importing;

/// <summary>
/// Commits the import page's file once, however often its commit form is submitted (a double click, a reload, the back
/// button): the form's key becomes an <see cref="IdempotencyRecord"/> scoped to this page, the user and the key, inserted
/// into the request's session before the command is sent, so the import's transaction commits it with the events — as the
/// API's <c>Idempotency-Key</c> does (<see cref="IdempotencyFilter"/>). A second submission finds the record and answers
/// the first one's result; a concurrent one fails as a whole on the record's key and answers the winner's.
/// </summary>
public sealed class ImportCommit(ISender sender, IDocumentSession session, IDocumentStore store, RequestContext context, TimeProvider time, ILogger<ImportCommit> logger)
{
    public const string Scope = "POST " + ImportPageEndpoints.Pattern;

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>What the commit answers: the import's result, and when the form was first submitted if this was a repeat.</summary>
    public sealed record Outcome(ImportSpreadsheet.Result Result, DateTimeOffset? ImportedBefore);

    public async Task<Outcome> CommitAsync(string process, string key, SpreadsheetUpload file, CancellationToken cancellationToken)
    {
        var record = new IdempotencyRecord
        {
            Id = IdempotencyRecord.IdFor(Scope, context.UserName, key),
            Scope = Scope,
            UserName = context.UserName,
            Key = key,
            RequestHash = Fingerprint(process, file.Sha256),
            Attempt = Guid.NewGuid(),
            CorrelationId = context.CorrelationId,
            CreatedAt = time.GetUtcNow(),
        };
        if (await LoadAsync(record.Id, cancellationToken) is { } existing)
        {
            return await ReplayAsync(existing, record, cancellationToken);
        }

        session.Insert(record);
        ImportSpreadsheet.Result result;
        try
        {
            result = await sender.Send(new ImportSpreadsheet.Command(process, DryRun: false, file), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            session.Eject(record);
            var committed = await LoadAsync(record.Id, CancellationToken.None);
            if (committed is null || committed.Attempt == record.Attempt)
            {
                throw;
            }

            return await ReplayAsync(committed, record, cancellationToken);
        }

        try
        {
            session.Store(record with
            {
                Response = new StoredResponse(StatusCodes.Status200OK, "application/json", null, null, JsonSerializer.Serialize(result, Json)),
                CompletedAt = time.GetUtcNow(),
            });
            await session.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The rows and the key are committed; a repeat finds the key and says the file was imported.
            logger.LogWarning(e, "Could not record the import page's result for key {Key}", key);
        }

        return new Outcome(result, null);
    }

    private async Task<Outcome> ReplayAsync(IdempotencyRecord existing, IdempotencyRecord attempt, CancellationToken cancellationToken)
    {
        if (existing.RequestHash != attempt.RequestHash)
        {
            throw new IdempotencyKeyReused(attempt.Key);
        }

        var deadline = time.GetUtcNow() + IdempotencyFilter.PendingWait;
        while (existing.Response is null && time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            existing = await LoadAsync(existing.Id, cancellationToken) ?? existing;
        }

        return existing.Response is { } response && JsonSerializer.Deserialize<ImportSpreadsheet.Result>(response.Body, Json) is { } result
            ? new Outcome(result, existing.CreatedAt)
            : throw new IdempotentRequestInProgress(attempt.Key);
    }

    private async Task<IdempotencyRecord?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        return await query.LoadAsync<IdempotencyRecord>(id, cancellationToken);
    }

    /// <summary>The same process and the same bytes: a key used for another file is refused.</summary>
    private static string Fingerprint(string process, string sha256) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{process}\n{sha256}")));
}
