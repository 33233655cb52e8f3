using Consultation.Meetings.Reading;
using Consultation.Processes;

namespace Consultation.Meetings.Statements;

/// <summary>
/// Withdraw a statement from the record (recorded in error, or withdrawn by the delegation), with the reason. It stays in
/// the meeting's record and history, marked withdrawn; it is not corrected afterwards. Positions citing it keep their
/// citation (what was recorded of them does not change) and their reads say the statement was withdrawn.
/// </summary>
public static class WithdrawStatement
{
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, string Statement, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Reason => Request.Reason!;
    }

    public static StatementWithdrawn Decide(Meeting meeting, ProcessDetails process, Command command)
    {
        meeting.EnsureNotCancelled();
        process.EnsureActive("have their statements withdrawn");
        var id = StatementRecord.IdOf(meeting.Id, command.Statement);
        if (!meeting.StatementContents.ContainsKey(command.Statement))
        {
            throw new StreamNotFound("Statement", id);
        }

        return meeting.WithdrawnStatements.Contains(command.Statement)
            ? throw new DomainRuleViolation($"Statement '{id}' is already withdrawn.")
            : new StatementWithdrawn(meeting.Id, command.Statement, command.Reason.Trim());
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Meeting>(command, "Meeting", async current =>
            {
                var process = await session.LoadAsync<ProcessDetails>(current.ProcessKey, cancellationToken)
                    ?? throw new StreamNotFound("Process", current.ProcessKey);
                return [Decide(current, process, command)];
            }, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/statements/{statement}/withdraw",
                "meeting",
                (route, r, version) => new Command(Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version, route.Route("statement"), r),
                key => new GetMeeting.Query(key))
            .WithName("WithdrawStatement")
            .WithSummary("Withdraw a statement from the record")
            .WithDescription("With a reason; If-Match is the meeting's version. The statement stays in the record, marked 'withdrawn', "
                + "with its history; positions that cite it keep the citation and their reads show 'citedStatementWithdrawn'.");
}
