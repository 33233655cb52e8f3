using Consultation.Processes.CoFacilitators;
using Consultation.Processes.Concluding;
using Consultation.Processes.Issues;
using Consultation.Processes.Launching;
using Consultation.Processes.Listing;
using Consultation.Processes.Phases;
using Consultation.Processes.Reading;
using JasperFx.Events.Projections;
using Marten;

namespace Consultation.Processes;

public static class ProcessesModule
{
    public static void AddProcesses(this StoreOptions options)
    {
        options.Projections.LiveStreamAggregation<Process>();
        options.Projections.Add<ProcessDetailsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ProcessDetails>().Index(x => x.Status);
    }

    public static void MapProcesses(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTags("Processes");
        LaunchProcess.Map(group);
        ListProcesses.Map(group);
        GetProcess.Map(group);
        GetProcessOverview.Map(group);
        StartPhase.Map(group);
        EndPhase.Map(group);
        AppointCoFacilitator.Map(group);
        ReleaseCoFacilitator.Map(group);
        TableIssue.Map(group);
        ListIssues.Map(group);
        GetIssue.Map(group);
        RetitleIssue.Map(group);
        RedescribeIssue.Map(group);
        RetireIssue.Map(group);
        ConcludeProcess.Map(group);
    }
}
