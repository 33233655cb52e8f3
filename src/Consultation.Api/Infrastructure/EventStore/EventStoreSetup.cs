using Consultation.Audit;
using Consultation.Convergence;
using Consultation.Infrastructure.Database;
using Consultation.Meetings;
using Consultation.Positions;
using Consultation.Processes;
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
        services.AddAuditServices();
        services.AddMarten(sp =>
            {
                var database = sp.GetRequiredService<ConsultationDatabase>();
                var options = new StoreOptions();
                options.Connection(database.ConnectionString);
                options.DatabaseSchemaName = database.SchemaName;
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

                options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
                options.OpenTelemetry.TrackEventCounters();

                options.AddStakeholders();
                options.AddProcesses();
                options.AddMeetings();
                options.AddPositions();
                options.AddConvergence();
                options.AddAudit();
                return options;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.Solo);
        return services;
    }
}
