using Consultation.Infrastructure.Security;
using Consultation.Processes.CoFacilitators;
using Consultation.Processes.Concluding;
using Consultation.Processes.Divergences;
using Consultation.Processes.Leadership;
using Consultation.Processes.Issues;
using Consultation.Processes.Launching;
using Consultation.Processes.Listing;
using Consultation.Processes.Phases;
using Consultation.Processes.Reading;
using JasperFx.Events.Projections;

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
        var group = app.MapGroup(string.Empty).WithTag("Processes", "Consultation processes: mandate, phases, co-facilitators and leadership, issues, divergences of the whole process, conclusion.");
        var setup = group.For(Access.Administer);
        var read = group.For(Access.Read);
        LaunchProcess.Map(setup);
        ListProcesses.Map(read);
        GetProcess.Map(read);
        GetProcessOverview.Map(read);
        PlanPhase.Map(setup);
        StartPhase.Map(setup);
        EndPhase.Map(setup);
        AppointCoFacilitator.Map(setup);
        ReleaseCoFacilitator.Map(setup);
        NoteLeadership.Map(setup);
        TableIssue.Map(setup);
        TableIssuesInBatch.Map(setup);
        ListIssues.Map(read);
        GetIssue.Map(read);
        RetitleIssue.Map(setup);
        RedescribeIssue.Map(setup);
        RetireIssue.Map(setup);
        ConcludeProcess.Map(setup);
        NoteProcessDivergence.Map(group.For(Access.Facilitate));
    }
}
