using Consultation.Processes.CoFacilitators;
using Consultation.Processes.Concluding;
using Consultation.Processes.Divergences;
using Consultation.Processes.Leadership;
using Consultation.Processes.Issues;
using Consultation.Processes.Launching;
using Consultation.Processes.Phases;

namespace Consultation.Processes;

/// <summary>The process commands' example bodies in the OpenAPI document (the secretariat's workflow in Consultation.Api.http).</summary>
public sealed class ProcessRequestExamples : IRequestExamples
{
    public IEnumerable<object> Examples =>
    [
        new LaunchProcess.Request(
            Key: "rehearsal",
            Title: "Global Compact for Safe, Orderly and Regular Migration",
            MandateReference: "A/RES/71/280",
            StartsOn: new DateOnly(2017, 4, 6),
            PlannedEndOn: new DateOnly(2018, 12, 31)),
        new PlanPhase.Request(Phase: "negotiation", Title: "Intergovernmental negotiations", ExpectedYear: 2018, AnnouncedOn: new DateOnly(2017, 12, 6)),
        new NoteLeadership.Request(Role: "Co-facilitators", Names: [], NotedOn: new DateOnly(2017, 12, 6)),
        new NoteProcessDivergence.Request(Text: "There are issues on which participants continue to disagree", Issues: [], NotedOn: new DateOnly(2017, 12, 6)),
        new StartPhase.Request(Phase: "stocktaking", Title: "Stocktaking phase", StartedOn: new DateOnly(2017, 12, 4)),
        new EndPhase.Request(EndedOn: new DateOnly(2017, 11, 30)),
        new AppointCoFacilitator.Request(Facilitator: "gomez-camacho", Name: "Juan José Gómez Camacho", Representing: "MEX", AppointedOn: new DateOnly(2017, 4, 6)),
        new ReleaseCoFacilitator.Request(ReleasedOn: new DateOnly(2018, 12, 31), Reason: "Mandate completed"),
        new TableIssue.Request(
            Issue: "human-rights",
            Title: "Human rights of all migrants",
            Description: "Protecting the human rights of all migrants, whatever their status",
            Theme: "Human rights, social inclusion, cohesion",
            ParentIssue: null),
        new TableIssuesInBatch.Request(
        [
            new TableIssue.Request(Issue: "drivers", Title: "Addressing drivers of migration", Description: "Adverse drivers and structural factors that compel people to leave", Theme: null, ParentIssue: null),
            new TableIssue.Request(Issue: "climate-drivers", Title: "Climate change and disasters", Description: "Sudden-onset and slow-onset disasters as drivers", Theme: null, ParentIssue: "drivers"),
        ]),
        new RetitleIssue.Request(Title: "Human rights of all migrants, whatever their status", Reason: "Agreed wording"),
        new RedescribeIssue.Request(Description: "Protecting and fulfilling the human rights of all migrants", Reason: "Agreed wording"),
        new RetireIssue.Request(Reason: "Merged into 'human-rights'"),
        new ConcludeProcess.Request(ConcludedOn: new DateOnly(2018, 12, 10), Outcome: "Adopted at the intergovernmental conference in Marrakech"),
    ];
}
