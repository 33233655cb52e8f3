namespace Consultation.WriteBudgets.Withdrawing;

/// <summary>Withdraw a user's grant before its end, with the reason: the configured budget applies again from the next write.</summary>
public static class WithdrawWriteBudget
{
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
    }

    public sealed record Command(string User, Request Request) : ICommand<StreamWritten>, IFromRequest<Request>
    {
        public string Reason => Request.Reason!;
    }

    public sealed class CommandValidator : AbstractValidator<Command>
    {
        public CommandValidator() => RuleFor(x => x.User).UserId();
    }

    public sealed class Handler(IDocumentSession session, GrantedBudgets budgets, TimeProvider time) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var events = await session.Events.FetchStreamAsync(WriteBudgetLedger.StreamKey, token: cancellationToken);
            if (WriteBudgetLedger.Latest(events).GetValueOrDefault(command.User) is not { } grant || grant.Until <= time.GetUtcNow())
            {
                throw new DomainRuleViolation($"User '{command.User}' has no write budget in force to withdraw; the configured budget applies.");
            }

            var action = session.Events.Append(WriteBudgetLedger.StreamKey, new WriteBudgetWithdrawn(command.User, command.Reason.Trim()));
            await session.SaveChangesAsync(cancellationToken);
            await budgets.ReloadAsync(cancellationToken);
            return new StreamWritten(WriteBudgetLedger.StreamKey, action.Version);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/admin/write-budgets/{user}/withdraw", async (string user, Request request, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(user, request), ct);
                return TypedResults.NoContent();
            })
            .WithName("WithdrawWriteBudget")
            .WithTag(WriteBudgetsModule.Tag, WriteBudgetsModule.TagDescription)
            .WithSummary("Withdraw a user's write budget before its end")
            .WithDescription("reason: why. 409 when the user has no grant in force. Recorded as a WriteBudgetWithdrawn event on 'admin:write-budgets'.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
