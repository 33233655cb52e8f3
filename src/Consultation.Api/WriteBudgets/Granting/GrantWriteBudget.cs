using Consultation.Infrastructure.Pipeline;

namespace Consultation.WriteBudgets.Granting;

/// <summary>
/// Grant a user a budget of writes per window in place of the configured one, until a moment, with the reason (an importer
/// loading a consultation's record). Replaces the user's earlier grant; the limiter uses it from the user's next write.
/// </summary>
public static class GrantWriteBudget
{
    public const int MaxWritesPerWindow = 100_000;

    /// <summary>A grant ends: extending it is a new decision, recorded again.</summary>
    public static readonly TimeSpan LongestGrant = TimeSpan.FromDays(366);

    public sealed record Request(int? WritesPerWindow, DateTimeOffset? Until, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.WritesPerWindow).NotNull().InclusiveBetween(1, MaxWritesPerWindow);
            RuleFor(x => x.Until).NotNull()
                .Must(until => until is null || until > time.GetUtcNow())
                .WithMessage("'{PropertyName}' must be in the future: a grant counts from now until then.")
                .Must(until => until is null || until <= time.GetUtcNow() + LongestGrant)
                .WithMessage($"'{{PropertyName}}' must be at most {LongestGrant.TotalDays:0} days from now; grant again to extend it.");
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public sealed record Command(string User, Request Request) : ICommand<WriteBudgetGrant>, IFromRequest<Request>
    {
        public int WritesPerWindow => Request.WritesPerWindow!.Value;

        public DateTimeOffset Until => Request.Until!.Value;

        public string Reason => Request.Reason!;
    }

    public sealed class CommandValidator : AbstractValidator<Command>
    {
        public CommandValidator() => RuleFor(x => x.User).UserId();
    }

    public sealed class Handler(IDocumentSession session, GrantedBudgets budgets, RequestContext context, TimeProvider time)
        : ICommandHandler<Command, WriteBudgetGrant>
    {
        public async ValueTask<WriteBudgetGrant> Handle(Command command, CancellationToken cancellationToken)
        {
            var reason = command.Reason.Trim();
            session.Events.Append(WriteBudgetLedger.StreamKey, new WriteBudgetGranted(command.User, command.WritesPerWindow, command.Until, reason));
            await session.SaveChangesAsync(cancellationToken);
            await budgets.ReloadAsync(cancellationToken);
            return new WriteBudgetGrant(command.User, command.WritesPerWindow, command.Until, reason, context.UserName, time.GetUtcNow());
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/admin/write-budgets/{user}", async (string user, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(user, request), ct)))
            .WithName("GrantWriteBudget")
            .WithTag(WriteBudgetsModule.Tag, WriteBudgetsModule.TagDescription)
            .WithSummary("Grant a user a budget of writes per window, until a moment")
            .WithDescription("user: the user id as tokens carry it ('sub'). writesPerWindow: 1-100,000 writes per window, in place of the configured "
                + "Security:WritesPerWindow. until: a date-time with offset, in the future and at most 366 days ahead. reason: why. Replaces the user's "
                + "earlier grant; recorded as a WriteBudgetGranted event on 'admin:write-budgets' with who granted it. Counts from the user's next write.")
            .ProducesValidationProblem();
}
