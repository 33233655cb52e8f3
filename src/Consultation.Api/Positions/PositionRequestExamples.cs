using Consultation.Positions.Batching;
using Consultation.Positions.Stating;
using Consultation.Positions.Withdrawing;

namespace Consultation.Positions;

/// <summary>The position commands' example bodies in the OpenAPI document (the secretariat's workflow in Consultation.Api.http).</summary>
public sealed class PositionRequestExamples : IRequestExamples
{
    public IEnumerable<object> Examples =>
    [
        new StatePosition.Request
        {
            Stakeholder = "MEX",
            Stance = 1,
            Conditions = "if national policy space is preserved",
            Summary = "Supports",
            Quote = "Apoyamos",
            QuoteLanguage = "es",
            Meeting = "stocktaking-2017",
            StatedOn = new DateOnly(2017, 12, 5),
        },
        new PositionChange { Stance = -1, Summary = "Has reservations", Meeting = "stocktaking-2017", StatedOn = new DateOnly(2017, 12, 6), Reason = "New instructions" },
        new Correcting.PositionCorrection { Stance = 0, Clear = ["quote"], Reason = "Stance entered wrong; the quote was another delegation's" },
        new WithdrawPosition.Request(Meeting: "stocktaking-2017", Statement: null, DocumentReference: null, WithdrawnOn: new DateOnly(2017, 12, 6), Reason: "Withdrawn by the delegation"),
        new StatePositionsInBatch.Request(
        [
            new StatePositionsInBatch.Item { Issue = "human-rights", Stakeholder = "ECU", Stance = 2, Summary = "Strongly supports", Meeting = "stocktaking-2017", StatedOn = new DateOnly(2017, 12, 5) },
            new StatePositionsInBatch.Item { Issue = "human-rights", Stakeholder = "THA", Stance = 0, Summary = "Undecided", Meeting = "stocktaking-2017", StatedOn = new DateOnly(2017, 12, 6) },
            new StatePositionsInBatch.Item { Issue = "drivers", Stakeholder = "MEX", Stance = 1, Summary = "Supports, in its written contribution", Submission = "mex-2017-10", StatedOn = new DateOnly(2017, 10, 16) },
        ]),
        new ChangePositionsInBatch.Request(
        [
            new ChangePositionsInBatch.Item
            {
                Issue = "human-rights",
                Stakeholder = "ECU",
                ExpectedVersion = 1,
                Revise = new PositionChange { Stance = 1, Summary = "Supports, with reservations on returns", Meeting = "stocktaking-2017", StatedOn = new DateOnly(2017, 12, 6), Reason = "New instructions" },
            },
            new ChangePositionsInBatch.Item { Issue = "human-rights", Stakeholder = "THA", Correct = new Correcting.PositionCorrection { Stance = -1, Reason = "Stance entered wrong" } },
            new ChangePositionsInBatch.Item
            {
                Issue = "sovereignty",
                Stakeholder = "MEX",
                Withdraw = new WithdrawPosition.Request(Meeting: "stocktaking-2017", Statement: null, DocumentReference: null, WithdrawnOn: new DateOnly(2017, 12, 6), Reason: "Withdrawn by the delegation"),
            },
        ]),
    ];
}
