using Consultation.Processes;
using Consultation.Submissions.Reading;

namespace Consultation.Submissions.Withdrawing;

/// <summary>
/// Withdraw a submission from the record (sent in error, retracted by its sender, recorded twice), with the reason. It stays in
/// the history, marked withdrawn; positions already citing it keep it, and no position newly cites it.
/// </summary>
public static class WithdrawSubmission
{
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Reason => Request.Reason!;
    }

    public static SubmissionWithdrawn Decide(Submission current, ProcessDetails process, Command command)
    {
        if (current.Withdrawn)
        {
            throw new DomainRuleViolation($"Submission '{current.Id}' is already withdrawn.");
        }

        SubmissionRules.RequireActive(process, "be withdrawn");
        return new SubmissionWithdrawn(current.Id, command.Reason.Trim());
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Submission>(command, "Submission", async current =>
            {
                var process = await session.LoadAsync<ProcessDetails>(current.Process, cancellationToken) ?? throw new StreamNotFound("Process", current.Process);
                return [Decide(current, process, command)];
            }, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, SubmissionDetails>(
                "/processes/{key}/submissions/{submission}/withdraw",
                "submission",
                (route, r, version) => new Command(Submission.KeyOf(route.Route("key"), route.Route("submission")), version, r),
                key => new GetSubmission.Query(key))
            .WithName("WithdrawSubmission")
            .WithSummary("Withdraw a written submission from the record")
            .WithDescription("With a reason; If-Match is the submission's version. The submission stays, marked withdrawn, with its history; "
                + "positions already citing it keep it (their reads show 'citedSubmissionWithdrawn'), new positions cannot cite it.");
}
