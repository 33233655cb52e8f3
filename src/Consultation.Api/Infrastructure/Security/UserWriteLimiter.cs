using System.Threading.RateLimiting;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// One user's write limiter, as the rate-limiting middleware asks it: the user's budget (granted, else configured) against
/// their window (<see cref="IWriteWindows"/>). A refusal carries the time left in the window (<see cref="MetadataName.RetryAfter"/>)
/// and the budget (<see cref="Budget"/>). While the granted budgets are not yet in memory, the quick attempt declines and
/// the middleware's asynchronous acquire loads them first, so a grant counts from the first write after a restart.
/// </summary>
public sealed class UserWriteLimiter(string user, IWriteWindows windows, IWriteBudgets? budgets, int configuredBudget, TimeProvider time) : RateLimiter
{
    public static readonly MetadataName<int> Budget = MetadataName.Create<int>("WriteBudget");

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        budgets is { IsLoaded: false } ? WriteLease.NotYet : Take();

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (budgets is { IsLoaded: false })
        {
            await budgets.LoadAsync(cancellationToken);
        }

        return Take();
    }

    private WriteLease Take()
    {
        var now = time.GetUtcNow();
        var budget = budgets?.GrantedTo(user, now) ?? configuredBudget;
        var answer = windows.Take(user, budget, now);
        return answer.Allowed ? WriteLease.Granted : new WriteLease(false, answer.RetryAfter, budget);
    }

    private sealed class WriteLease(bool acquired, TimeSpan? retryAfter = null, int? budget = null) : RateLimitLease
    {
        public static readonly WriteLease Granted = new(true);

        public static readonly WriteLease NotYet = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            [.. retryAfter is null ? [] : new[] { MetadataName.RetryAfter.Name }, .. budget is null ? [] : new[] { Budget.Name }];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : metadataName == Budget.Name ? (object?)budget : null;
            return metadata is not null;
        }
    }
}
