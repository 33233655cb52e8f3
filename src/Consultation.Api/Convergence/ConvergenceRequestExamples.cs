using Consultation.Convergence.Areas.Affirming;
using Consultation.Convergence.Areas.Confirming;
using Consultation.Convergence.Areas.Dissolving;
using Consultation.Convergence.Areas.Identifying;
using Consultation.Convergence.Areas.Linking;
using Consultation.Convergence.Areas.NotingDivergences;
using Consultation.Convergence.Measuring.Grouping;
using Consultation.Convergence.Measuring.Thresholds;

namespace Consultation.Convergence;

/// <summary>The facilitators' commands' example bodies in the OpenAPI document (the secretariat's workflow in Consultation.Api.http).</summary>
public sealed class ConvergenceRequestExamples : IRequestExamples
{
    public IEnumerable<object> Examples =>
    [
        new IdentifyArea.Request(
            Area: "rejecting-business-as-usual",
            Title: "Rejecting business as usual",
            Description: "The status quo in migration governance is not an option",
            Issues: ["human-rights"],
            Meeting: "stocktaking-2017",
            IdentifiedOn: new DateOnly(2017, 12, 6)),
        new NoteDivergence.Request(Text: "How far the compact should go on access to services", Issues: ["human-rights"], Stakeholders: ["MEX"], NotedOn: new DateOnly(2017, 12, 6)),
        new AffirmArea.Request(Meeting: "first-round", AffirmedOn: new DateOnly(2018, 2, 21), Note: "Reaffirmed in the first round"),
        new ConfirmArea.Request(DocumentReference: "Zero draft, revision 1", Paragraph: "15", ConfirmedOn: new DateOnly(2018, 3, 5)),
        new LinkIssue.Request(Issue: "human-rights", Reason: "Raised again in the first round"),
        new UnlinkIssue.Request(Reason: "Linked by mistake"),
        new DissolveArea.Request(DissolvedOn: new DateOnly(2018, 4, 3), Reason: "Positions moved apart in the third round"),
        new SetConvergenceThresholds.Request(
            MinPositions: 3,
            MinGroups: 2,
            ConsensusGicn: 0.8,
            BroadConvergenceGicn: 0.65,
            EmergingGicn: 0.5,
            BroadConvergenceMaxOpposition: 0.05,
            Reason: "Agreed by the co-facilitators"),
        new DefineGrouping.Request(Kind: "Blocs", Blocs: ["african-group", "eu"], Groups: null, Ungrouped: "OwnGroup", Reason: "The negotiating blocs"),
        new ChooseGroupingBasis.Request(Basis: "negotiating-blocs", Reason: "Agreed by the co-facilitators"),
    ];
}
