namespace Consultation.Infrastructure.EventStore;

/// <summary>The name the store gives an event type in <c>mt_events.type</c> (<c>StakeholderRegistered</c> is <c>stakeholder_registered</c>), for SQL that filters on it.</summary>
public static class EventTypeNames
{
    public static string EventTypeName(this IReadOnlyStoreOptions options, Type eventType) =>
        ((Marten.Events.EventGraph)options.Events).EventMappingFor(eventType).EventTypeName;

    /// <inheritdoc cref="EventTypeName(IReadOnlyStoreOptions, Type)"/>
    public static string EventTypeName<TEvent>(this IReadOnlyStoreOptions options) => options.EventTypeName(typeof(TEvent));
}
