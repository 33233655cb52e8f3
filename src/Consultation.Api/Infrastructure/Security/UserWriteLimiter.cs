using System.Threading.RateLimiting;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// One user's write limiter, as the rate-limiting middleware asks it: the user's budget (granted, else configured) against
/// their window (<see cref="IWriteWindows"/>). A refusal carries the time left in the window (<see cref="MetadataName.RetryAfter"/>)
/// and the budget (<see cref="Budget"/>). The quick attempt always declines, so the middleware's asynchronous acquire
/// answers: it loads the granted budgets first when they are not in memory (a grant counts from the first write after a
/// restart) and may ask the database for the window (<see cref="DatabaseWriteWindows"/>) without blocking a thread.
/// </summary>
public sealed class UserWriteLimiter(string user, IWriteWindows windows, IWriteBudgets? budgets, int configuredBudget, TimeProvider time) : RateLimiter
{
    public static readonly MetadataName<int> Budget = MetadataName.Create<int>("WriteBudget");

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => WriteLease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (budgets is { IsLoaded: false })
        {
            await budgets.LoadAsync(cancellationToken);
        }

        var now = time.GetUtcNow();
        var budget = budgets?.GrantedTo(user, now) ?? configuredBudget;
        var answer = await windows.TakeAsync(user, budget, now, cancellationToken);
        return answer.Allowed ? WriteLease.Granted : new WriteLease(false, answer.RetryAfter, budget);
    }

    private sealed class WriteLease(bool acquired, TimeSpan? retryAfter = null, int? budget = null) : RateLimitLease
    {
        public static readonly WriteLease Granted = new(true);

        /// <summary>Not answered yet: the asynchronous acquire will.</summary>
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
