using Consultation.Infrastructure.Security;
using Consultation.Audit.Exporting;
using Consultation.Audit.Integrity;
using Consultation.Audit.Replaying;
using Consultation.Audit.Listing;
using Consultation.Audit.Reading;

namespace Consultation.Audit;

public static class AuditModule
{
    public static void AddAudit(this StoreOptions options)
    {
        options.Events.AddEventType<AuditExported>();
        AuditLogIndexes.Register(options);
        options.AddIntegrity();
        options.AddReplaying();
    }

    public static IServiceCollection AddAuditServices(this IServiceCollection services) =>
        services.AddIntegrityServices().AddReplayingServices();

    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTag("Audit", "The record as it was: every event with who, when and why; stream histories; the record as of a moment; exports; the hash chain's verification. Auditors, within their processes.").For(Access.Audit);
        GetStreamHistory.Map(group);
        ListEvents.Map(group);
        ExportEvents.Map(group);
        Diffing.DiffProcess.Map(group);
        group.MapIntegrity();
        group.MapReplaying();
    }
}
