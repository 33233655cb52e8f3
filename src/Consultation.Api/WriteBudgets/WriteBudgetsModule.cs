using Consultation.Infrastructure.Security;
using Consultation.WriteBudgets.Granting;
using Consultation.WriteBudgets.Listing;
using Consultation.WriteBudgets.Withdrawing;

namespace Consultation.WriteBudgets;

/// <summary>
/// Write budgets an administrator grants a user in place of the configured writes per window (an importer loading a
/// consultation), kept as events with who, until when and why; the write limiter uses them (<see cref="IWriteBudgets"/>).
/// See <c>Infrastructure/Security/README.md</c>.
/// </summary>
public static class WriteBudgetsModule
{
    public const string Tag = "Write budgets";

    public const string TagDescription =
        "Budgets of writes per window granted to users in place of the configured one, until a moment, with the reason. Administrators grant and withdraw; auditors read.";

    public static void AddWriteBudgets(this StoreOptions options)
    {
        options.Events.AddEventType<WriteBudgetGranted>();
        options.Events.AddEventType<WriteBudgetWithdrawn>();
    }

    public static IServiceCollection AddWriteBudgetsServices(this IServiceCollection services)
    {
        services.AddSingleton<GrantedBudgets>();
        services.AddSingleton<IWriteBudgets>(sp => sp.GetRequiredService<GrantedBudgets>());
        return services;
    }

    public static void MapWriteBudgets(this IEndpointRouteBuilder app)
    {
        ListWriteBudgets.Map(app.For(Access.Audit));
        var administer = app.For(Access.Administer);
        GrantWriteBudget.Map(administer);
        WithdrawWriteBudget.Map(administer);
    }
}
