using Consultation.Submissions.Batching;
using Consultation.Submissions.Correcting;
using Consultation.Submissions.Recording;
using Consultation.Submissions.Withdrawing;

namespace Consultation.Submissions;

/// <summary>The submission commands' example bodies in the OpenAPI document.</summary>
public sealed class SubmissionRequestExamples : IRequestExamples
{
    private static RecordSubmission.Request Letter => new(
        Submission: "mex-2017-10",
        From: "MEX",
        OnBehalfOf: null,
        ReceivedOn: new DateOnly(2017, 10, 16),
        Issues: ["human-rights", "drivers"],
        Channel: "Letter",
        Title: "Written contribution of Mexico to the stocktaking",
        DocumentReference: "GCM/2017/MEX-1",
        Link: "https://refugeesmigrants.un.org/contributions",
        Language: "es");

    public IEnumerable<object> Examples =>
    [
        Letter,
        new RecordSubmissionsInBatch.Request(
        [
            Letter,
            new RecordSubmission.Request(
                Submission: "survey-ecu",
                From: "ECU",
                OnBehalfOf: null,
                ReceivedOn: new DateOnly(2017, 11, 2),
                Issues: ["human-rights"],
                Channel: "Survey",
                Title: "Answers to the online survey on the zero draft",
                DocumentReference: null,
                Link: null,
                Language: "es"),
        ]),
        new CorrectSubmission.Request(
            From: null,
            OnBehalfOf: null,
            ReceivedOn: new DateOnly(2017, 10, 17),
            Issues: null,
            Channel: "Email",
            Title: null,
            DocumentReference: null,
            Link: null,
            Language: null,
            Clear: ["link"],
            Reason: "Received by e-mail on the 17th; the link was another delegation's"),
        new WithdrawSubmission.Request(Reason: "Recorded twice; the same letter is mex-2017-10"),
    ];
}
