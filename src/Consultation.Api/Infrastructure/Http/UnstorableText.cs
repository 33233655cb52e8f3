namespace Consultation.Infrastructure.Http;

/// <summary>
/// A request value PostgreSQL cannot store (<see cref="StorableText"/>): refused with 400 naming <see cref="Field"/>,
/// or, when it got past the door (a command from elsewhere than HTTP), refused before the statement is sent.
/// </summary>
public sealed class UnstorableText(string? field)
    : Exception(field is null
        ? $"A value {StorableText.Rule}; the statement was not sent."
        : $"'{field}' {StorableText.Rule}.")
{
    public string? Field { get; } = field;

    /// <summary>The refusal inside what the event store wraps it in (its command exceptions, an aggregate of a batch's failures).</summary>
    public static UnstorableText? IsInChain(Exception exception) => exception switch
    {
        UnstorableText found => found,
        AggregateException aggregate => aggregate.InnerExceptions.Select(IsInChain).FirstOrDefault(e => e is not null),
        { InnerException: { } inner } => IsInChain(inner),
        _ => null,
    };
}
