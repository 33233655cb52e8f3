using Consultation.Meetings.Agenda;
using Consultation.Meetings.Cancelling;
using Consultation.Meetings.Closing;
using Consultation.Meetings.Findings;
using Consultation.Meetings.Hosting;
using Consultation.Meetings.Opening;
using Consultation.Meetings.Recommendations;
using Consultation.Meetings.Registering;
using Consultation.Meetings.Scheduling;
using Consultation.Meetings.Statements;

namespace Consultation.Meetings;

/// <summary>The meeting commands' example bodies in the OpenAPI document (the secretariat's workflow in Consultation.Api.http).</summary>
public sealed class MeetingRequestExamples : IRequestExamples
{
    public IEnumerable<object> Examples =>
    [
        new ScheduleMeeting.Request(
            Meeting: "stocktaking-2017",
            Kind: "StocktakingMeeting",
            Title: "Stocktaking meeting",
            Venue: new VenueRequest("Puerto Vallarta", "MEX"),
            StartsOn: new DateOnly(2017, 12, 4),
            EndsOn: new DateOnly(2017, 12, 6),
            Chairs: ["Juan José Gómez Camacho", "Jürg Lauber"],
            Agenda:
            [
                new AgendaItemRequest("Opening of the meeting", null, null),
                new AgendaItemRequest("Taking stock of the consultations", "Overview of the six informal thematic sessions", ["human-rights"]),
            ]),
        new SetAgenda.Request(
            Items:
            [
                new AgendaItemRequest("Opening of the meeting", null, null),
                new AgendaItemRequest("Taking stock of the consultations", "Overview of the six informal thematic sessions", ["human-rights"]),
                new AgendaItemRequest("Idea labs", null, null),
            ],
            Reason: "Idea labs added by the co-facilitators"),
        new RescheduleMeeting.Request(StartsOn: new DateOnly(2017, 12, 5), EndsOn: new DateOnly(2017, 12, 7), Venue: null, Reason: "Venue available a day later"),
        new NameMeetingHost.Request(Stakeholder: "MEX", Reason: null),
        new CancelMeeting.Request(Reason: "Postponed sine die"),
        new OpenMeeting.Request(),
        new RegisterParticipant.Request(Stakeholder: "MEX", DelegationHead: "Juan José Gómez Camacho", Role: "Chair"),
        new RegisterParticipantsInBatch.Request(
        [
            new RegisterParticipant.Request(Stakeholder: "ECU", DelegationHead: null, Role: "Speaker"),
            new RegisterParticipant.Request(Stakeholder: "iom", DelegationHead: null, Role: "Observer"),
        ]),
        new RecordStatement.Request(
            Speaker: "SLE",
            OnBehalfOf: "african-group",
            Issues: ["human-rights"],
            Summary: "Asked that the human rights of all migrants be at the centre of the compact.",
            Language: "en",
            DocumentReference: null,
            SaidOn: new DateOnly(2017, 12, 4)),
        new CorrectStatement.Request(
            Speaker: null,
            OnBehalfOf: null,
            Issues: ["human-rights", "drivers"],
            Summary: null,
            Language: null,
            DocumentReference: null,
            SaidOn: null,
            Clear: ["documentReference"],
            Reason: "The statement also addressed the drivers of migration; no document was circulated"),
        new WithdrawStatement.Request(Reason: "Recorded twice; the delegation's statement is s3"),
        new RecordFinding.Request(
            Kind: "Figure",
            Summary: "Average age of an international migrant",
            Value: 39,
            Unit: "years",
            Source: "Closing statement of the stocktaking meeting, para. 17",
            PresentedBy: null,
            Whose: null),
        new RecordRecommendation.Request(Text: "Proposals to carry into the zero draft", From: "Idea labs"),
        new CloseMeeting.Request(Summary: "Participants took stock of the consultations and identified areas of convergence for the negotiations."),
    ];
}
