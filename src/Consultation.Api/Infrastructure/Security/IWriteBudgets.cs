namespace Consultation.Infrastructure.Security;

/// <summary>
/// Write budgets an administrator granted to users in place of the configured writes per window, each until a moment.
/// The write limiter (<see cref="UserWriteLimiter"/>) asks at every write, so it answers from memory; the grants themselves
/// are kept as events by the module that records them. Without an implementation every user has the configured budget.
/// </summary>
public interface IWriteBudgets
{
    /// <summary>Whether the grants are in memory; until they are, the limiter waits for <see cref="LoadAsync"/>.</summary>
    bool IsLoaded { get; }

    Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>The writes per window granted to <paramref name="user"/> and valid at <paramref name="now"/>, or null: the configured budget.</summary>
    int? GrantedTo(string user, DateTimeOffset now);
}
