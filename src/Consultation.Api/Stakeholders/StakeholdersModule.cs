using Consultation.Infrastructure.Security;
using Consultation.Stakeholders.Accrediting;
using Consultation.Stakeholders.Batching;
using Consultation.Stakeholders.EndingAccreditations;
using Consultation.Stakeholders.JoiningGroups;
using Consultation.Stakeholders.LeavingGroups;
using Consultation.Stakeholders.Listing;
using Consultation.Stakeholders.Reading;
using Consultation.Stakeholders.Registering;
using Consultation.Stakeholders.Renaming;
using Consultation.Stakeholders.Statistics;
using JasperFx.Events.Projections;

namespace Consultation.Stakeholders;

public static class StakeholdersModule
{
    public static void AddStakeholders(this StoreOptions options)
    {
        // The write model is aggregated live for FetchForWriting; declaring it here keeps it part of the
        // configuration, so the schema check behind /health/ready does not ask for a table after the first write.
        options.Projections.LiveStreamAggregation<Stakeholder>();
        options.Projections.Add<StakeholderDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<StakeholderStatisticsProjection>(ProjectionLifecycle.Async);
        options.Schema.For<StakeholderDetails>()
            .Index(x => x.Kind)
            .Index(x => x.RegionalGroup);
    }

    public static void MapStakeholders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTag("Stakeholders", "The registry: States and other stakeholders, their group memberships and their accreditations to processes, dated.");
        var record = group.For(Access.Record);
        var read = group.For(Access.Read);
        RegisterStakeholder.Map(record);
        GetStakeholderStatistics.Map(read);
        GetStakeholder.Map(read);
        GetStakeholderProfile.Map(read);
        RenameStakeholder.Map(record);
        ListStakeholders.Map(read);
        JoinGroup.Map(record);
        LeaveGroup.Map(record);
        ListGroupMembers.Map(read);
        AccreditStakeholder.Map(record);
        EndAccreditation.Map(record);
        ChangeRegistryInBatch.Map(record);
    }
}
