using Consultation.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Consultation.WriteBudgets.Listing;

/// <summary>The write budgets in force (who, how many, until when, why, granted by whom), the configured budget, and every grant and withdrawal.</summary>
public static class ListWriteBudgets
{
    public sealed record Query : IQuery<WriteBudgetsReport>;

    public sealed record WriteBudgetsReport(int ConfiguredWritesPerWindow, int WindowSeconds, IReadOnlyList<WriteBudgetGrant> InForce, IReadOnlyList<WriteBudgetChange> History);

    public sealed class Handler(IQuerySession session, IConfiguration configuration, TimeProvider time) : IQueryHandler<Query, WriteBudgetsReport>
    {
        public async ValueTask<WriteBudgetsReport> Handle(Query query, CancellationToken cancellationToken)
        {
            var events = await session.Events.FetchStreamAsync(WriteBudgetLedger.StreamKey, token: cancellationToken);
            var now = time.GetUtcNow();
            var settings = HardeningSettings.From(configuration);
            return new WriteBudgetsReport(
                settings.WritesPerWindow,
                settings.WindowSeconds,
                [.. WriteBudgetLedger.Latest(events).Values.Where(g => now < g.Until).OrderBy(g => g.User, StringComparer.Ordinal)],
                WriteBudgetLedger.History(events));
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/admin/write-budgets", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
            .WithName("ListWriteBudgets")
            .WithTag(WriteBudgetsModule.Tag, WriteBudgetsModule.TagDescription)
            .WithSummary("The write budgets granted to users, in force and in history")
            .WithDescription("configuredWritesPerWindow and windowSeconds: what every user has without a grant. inForce: the grants valid now, by user. "
                + "history: every grant and withdrawal, newest first, with who made it, when and why.");
}
