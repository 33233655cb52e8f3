using Consultation.Audit;
using Consultation.Convergence;
using Consultation.Infrastructure.Database;
using Consultation.Meetings;
using Consultation.Positions;
using Consultation.Processes;
using Consultation.Projections;
using Consultation.Stakeholders;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.OpenTelemetry;
using Marten;
using Weasel.Core;

namespace Consultation.Infrastructure.EventStore;

public static class EventStoreSetup
{
    /// <summary>
    /// Marten on PostgreSQL: readable string stream keys, JSON with enums as strings, full event
    /// metadata (who, correlation, causation, headers), inline projections for read-your-writes
    /// and the async daemon for summaries. Daemon errors stop the shard instead of being skipped,
    /// so a broken projection shows up in /health/ready rather than silently losing data.
    /// </summary>
    public static IServiceCollection AddConsultationEventStore(this IServiceCollection services)
    {
        services.AddHostedService<Configuration.SettingsCheck>();
        services.AddSingleton<ConsultationDatabase>();
        services.AddScoped<WrittenViews>();
        services.AddAuditServices();
        services.AddRebuildingServices();
        services.AddConvergenceServices();
        services.AddMarten(sp =>
            {
                var database = sp.GetRequiredService<ConsultationDatabase>();
                var options = new StoreOptions();
                ConfigureStore(options, database.ConnectionString, database.SchemaName);
                return options;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.Solo);
        return services;
    }

    /// <summary>
    /// Everything the store knows (connection, schema, serialization, event metadata, error handling, every module's
    /// events and projections), reusable to build a second store on another schema, e.g. a scratch copy to rebuild into.
    /// </summary>
    public static void ConfigureStore(StoreOptions options, string connectionString, string schemaName)
    {
        options.Connection(connectionString);
        options.Logger(new UnstorableTextGuard());
        options.DatabaseSchemaName = schemaName;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

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

        options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
        options.OpenTelemetry.TrackEventCounters();

        options.AddStakeholders();
        options.AddProcesses();
        options.AddMeetings();
        options.AddPositions();
        options.AddConvergence();
        options.AddAudit();
        options.AddRebuilding();
    }
}
