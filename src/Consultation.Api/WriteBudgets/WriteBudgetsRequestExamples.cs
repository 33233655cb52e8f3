using Consultation.WriteBudgets.Granting;
using Consultation.WriteBudgets.Withdrawing;

namespace Consultation.WriteBudgets;

/// <summary>The write budgets' example bodies in the OpenAPI document (a grant ends in the future: a month from today).</summary>
public sealed class WriteBudgetsRequestExamples : IRequestExamples
{
    public IEnumerable<object> Examples =>
    [
        new GrantWriteBudget.Request(
            WritesPerWindow: 6000,
            Until: new DateTimeOffset(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToDateTime(new TimeOnly(18, 0)), TimeSpan.FromHours(1)),
            Reason: "Importing the online consultation's 2,850 positions (ticket SEC-112)"),
        new WithdrawWriteBudget.Request(Reason: "Import finished"),
    ];
}
