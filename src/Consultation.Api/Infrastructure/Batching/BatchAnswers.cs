using Consultation.Infrastructure.Idempotency;

namespace Consultation.Infrastructure.Batching;

/// <summary>
/// How a batch sent with an <c>Idempotency-Key</c> answers a retry when the service stopped after committing the batch and
/// before recording its response: the batch's answer is kept in the key's record, committed in the same transaction as
/// its events (<see cref="SaveBatchAsync{TAnswer}"/>), and the retry answers it again (<see cref="Recorded{TAnswer}"/>), as
/// the first request did, writing nothing. The answer is the one of the moment it was written (versions then), as a
/// replay of the recorded response is.
/// </summary>
public static class BatchAnswers
{
    /// <summary>
    /// Saves the batch (<see cref="BatchSaving.SaveBatchAsync"/>) with its answer kept in the pending idempotency record, if
    /// the request carries a key; without one, or inside a larger write (an import's own sessions), there is none to keep it in.
    /// </summary>
    public static Task SaveBatchAsync<TAnswer>(this IDocumentSession session, TAnswer answer, CancellationToken cancellationToken)
        where TAnswer : class
    {
        foreach (var record in session.PendingChanges.InsertsFor<IdempotencyRecord>())
        {
            record.Answer = session.DocumentStore.Options.Serializer().ToJson(answer);
        }

        return session.SaveBatchAsync(cancellationToken);
    }

    /// <summary>
    /// The recovery of an endpoint whose handler saves with <see cref="SaveBatchAsync{TAnswer}"/>: the kept answer, made into
    /// the endpoint's response by <paramref name="respond"/> (the same function the endpoint answers with). A record without
    /// one (written before answers were kept) leaves the retry to answer 409, retry later, as before.
    /// </summary>
    public static IdempotencyRecovery Recorded<TAnswer>(Func<TAnswer, HttpContext, IResult> respond)
        where TAnswer : class =>
        context =>
        {
            var http = context.HttpContext;
            var record = IdempotencyFilter.Recovering(http);
            if (record?.Answer is not { } kept
                || http.RequestServices.GetRequiredService<IDocumentStore>().Options.Serializer().FromJson<TAnswer>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(kept))) is not { } answer)
            {
                throw new IdempotentRequestInProgress(record?.Key ?? string.Empty);
            }

            return ValueTask.FromResult<object?>(respond(answer, http));
        };
}
