namespace Consultation.Infrastructure.EventStore;

/// <summary>
/// Everything the store knows: the store-wide settings (<see cref="EventStoreSetup.ConfigureStore"/>) and what the modules
/// add, their events and projections, handed in by the composition root (<c>Modules.ConfigureStore</c>) so the event store
/// names no module. A singleton, so a second store on another schema (a scratch copy to rebuild into) is configured alike.
/// </summary>
public sealed class StoreConfiguration(Action<StoreOptions> modules)
{
    public void Apply(StoreOptions options, string connectionString, string schemaName)
    {
        EventStoreSetup.ConfigureStore(options, connectionString, schemaName);
        modules(options);
    }
}
