using Consultation.Positions.Reading;
using Consultation.Positions.Writing;

namespace Consultation.Positions.Withdrawing;

/// <summary>The stakeholder withdrew its position, at a meeting or in a written submission, with the reason; it may state one again later.</summary>
public static class WithdrawPosition
{
    /// <summary>Where it was withdrawn: <see cref="Meeting"/> (optionally a statement) or <see cref="Submission"/>, exactly one.</summary>
    public sealed record Request(string? Meeting, string? Statement, string? DocumentReference, DateOnly? WithdrawnOn, string? Reason, string? Submission = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Meeting!).Slug().When(x => x.Meeting is not null);
            RuleFor(x => x.Submission!).Slug().When(x => x.Submission is not null);
            foreach (var field in new[] { "meeting", "submission" })
            {
                RuleFor(x => x).Must(x => (x.Meeting is null) != (x.Submission is null)).OverridePropertyName(field).WithMessage(PositionInput.OneSource);
            }

            RuleFor(x => x.Statement!).MaximumLength(100).When(x => x.Statement is not null);
            RuleFor(x => x.Statement).Null().When(x => x.Submission is not null).WithMessage(PositionInput.StatementOfMeeting);
            RuleFor(x => x.DocumentReference!).SingleLine(TextRules.ReferenceMaxLength).When(x => x.DocumentReference is not null);
            RuleFor(x => x.WithdrawnOn).NotNull();
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string? DocumentReference => Request.DocumentReference;

        /// <summary>Where it was withdrawn, as recorded.</summary>
        public PositionSource Source => Request.Submission is { } submission
            ? new PositionSource(null, null, DocumentReference?.Trim(), submission)
            : new PositionSource(Request.Meeting!, Request.Statement, DocumentReference?.Trim());

        public DateOnly WithdrawnOn => Request.WithdrawnOn!.Value;

        public string Reason => Request.Reason!;
    }

    public static PositionWithdrawn Decide(Position current, Command command, PositionFacts facts)
    {
        PositionRules.RequireStanding(current);
        facts.RequireProcess(current.Process);
        var source = command.Source;
        var withdrawnOn = command.WithdrawnOn;
        facts.RequireSource(current.Process, source, withdrawnOn, "The withdrawal date");
        facts.RequireSubmittedBy(current.Issue, current.Stakeholder, current.SpokenBy);
        return withdrawnOn < current.Content!.StatedOn
            ? throw new DomainRuleViolation($"A position cannot be withdrawn ({withdrawnOn:yyyy-MM-dd}) before it was stated ({current.Content.StatedOn:yyyy-MM-dd}).")
            : new PositionWithdrawn(current.Id, source, withdrawnOn, command.Reason.Trim());
    }

    public sealed class Handler(IDocumentSession session, PositionWriteSession writes) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await writes.UpdateAsync(session, command, _ => command.Source, (current, facts) => Decide(current, command, facts), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, PositionDetails>(
                "/processes/{process}/issues/{issue}/positions/{stakeholder}/withdraw",
                "position",
                (route, r, version) => new Command(
                    Position.KeyFor(route.Route("process"), route.Route("issue"), route.Route("stakeholder")), version, r),
                key => new GetPosition.Query(key))
            .WithName("WithdrawPosition")
            .WithSummary("Withdraw a position");
}
