using Consultation.Infrastructure.Database;
using Consultation.Infrastructure.Security;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.OpenTelemetry;
using Weasel.Core;

namespace Consultation.Infrastructure.EventStore;

public static class EventStoreSetup
{
    /// <summary>
    /// Marten on PostgreSQL: readable string stream keys, JSON with enums as strings, full event
    /// metadata (who, correlation, causation, headers), inline projections for read-your-writes
    /// and the async daemon for summaries, in <see cref="DaemonDistribution"/>' mode (HotCold by default: one node at a time
    /// runs each projection, whatever the number of nodes). Daemon errors stop the shard instead of being skipped,
    /// so a broken projection shows up in /health/ready rather than silently losing data. <paramref name="modules"/> adds
    /// the modules' events and projections (<see cref="StoreConfiguration"/>).
    /// </summary>
    public static IServiceCollection AddConsultationEventStore(this IServiceCollection services, Action<StoreOptions> modules)
    {
        var configuration = new StoreConfiguration(modules);
        services.AddHostedService<Configuration.SettingsCheck>();
        services.AddSingleton<ConsultationDatabase>();
        services.AddSingleton(configuration);
        services.AddMarten(sp =>
            {
                var database = sp.GetRequiredService<ConsultationDatabase>();
                var options = new StoreOptions();
                configuration.Apply(options, database.ConnectionString, database.SchemaName);
                return options;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);
        services.ConfigureMarten((sp, options) => DaemonDistribution.Apply(options, sp.GetRequiredService<IConfiguration>()));
        return services;
    }

    /// <summary>
    /// What the store knows whatever the modules: connection, schema, serialization, event metadata, error handling. The
    /// modules' events and projections are added after it (<see cref="StoreConfiguration"/>, <c>Modules.ConfigureStore</c>).
    /// </summary>
    public static void ConfigureStore(StoreOptions options, string connectionString, string schemaName)
    {
        options.Connection(connectionString);
        options.Logger(new UnstorableTextGuard());
        options.DatabaseSchemaName = schemaName;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(StoredJson.Enums, StoredJson.Casing);
        options.AddDataProtectionKeys();

        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;

        options.Projections.Errors.SkipApplyErrors = false;
        options.Projections.Errors.SkipSerializationErrors = false;
        options.Projections.Errors.SkipUnknownEvents = false;

        // Writes that fetch an inline projection's document for writing (PositionDetails: document and version in one read) let
        // the projection apply the new events to that fetched document instead of loading it again. Safe because every
        // aggregate here is an immutable record that handlers never change.
        options.Projections.UseIdentityMapForAggregates = true;

        Security.DatabaseWriteWindows.Register(options);

        options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
        options.OpenTelemetry.TrackEventCounters();
    }
}
