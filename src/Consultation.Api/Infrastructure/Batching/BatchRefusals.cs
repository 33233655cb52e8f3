using System.Globalization;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;

namespace Consultation.Infrastructure.Batching;

/// <summary>
/// The record's refusals of a batch's items, gathered by index while every item is decided with its single write's own
/// rules; <see cref="ThrowIfAny"/> refuses the whole batch with all of them (422, <c>errors["items[3]"]</c>).
/// </summary>
public sealed class BatchRefusals
{
    private readonly SortedDictionary<int, string> _refused = new();

    public int Count => _refused.Count;

    public bool IsRefused(int index) => _refused.ContainsKey(index);

    public void Refuse(int index, string message) => _refused.TryAdd(index, message);

    /// <summary>
    /// Runs one item's decision; a refusal of the record (a broken rule, something it names that does not exist, a stale
    /// expected version) is kept for the item and the result is the default. Anything else is no refusal and is thrown.
    /// </summary>
    public T? Decide<T>(int index, Func<T> decide)
    {
        try
        {
            return decide();
        }
        catch (Exception e) when (e is DomainRuleViolation or StreamNotFound or StaleVersion)
        {
            Refuse(index, e.Message);
            return default;
        }
    }

    /// <summary>Refuses the batch, nothing written, when any item was refused.</summary>
    /// <param name="itemCount">How many items the batch holds.</param>
    /// <param name="what">What the items would have done, for the message: "registered or changed", "tabled".</param>
    public void ThrowIfAny(int itemCount, string what)
    {
        if (_refused.Count > 0)
        {
            throw new BatchItemsRefused(
                _refused.ToDictionary(r => $"items[{r.Key.ToString(CultureInfo.InvariantCulture)}]", r => new[] { r.Value }),
                $"{_refused.Count} of {itemCount} items cannot be {what} (see 'errors', by item index); nothing of the batch was written.");
        }
    }
}

/// <summary>Items of a batch break the record's rules (HTTP 422 with <c>errors</c> keyed <c>items[i]</c>); nothing was written.</summary>
public sealed class BatchItemsRefused(IReadOnlyDictionary<string, string[]> errors, string message) : Exception(message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ProblemDetails ToProblem(BatchItemsRefused refused) => new HttpValidationProblemDetails(refused.Errors.ToDictionary())
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "Items of the batch break the record's rules.",
        Detail = refused.Message,
    };
}

public static class BatchSaving
{
    /// <summary>
    /// Saves every stream the batch appended to in one transaction. When another writer changed one of them since it was
    /// read (Marten's optimistic concurrency) or started one of its new streams first, the whole batch is refused (409) and
    /// nothing of it is written.
    /// </summary>
    public static async Task SaveBatchAsync(this IDocumentSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e.IsConcurrentWrite() || e is EventStreamUnexpectedMaxEventIdException)
        {
            throw new DomainRuleViolation(
                "A record this batch writes was changed by someone else at the same moment; nothing of the batch was written. Read the records again and send the batch again.");
        }
    }
}
