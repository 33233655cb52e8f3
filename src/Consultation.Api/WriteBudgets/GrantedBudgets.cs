using Consultation.Infrastructure.Resilience;
using Consultation.Infrastructure.Security;

namespace Consultation.WriteBudgets;

/// <summary>
/// The grants in force, in memory for the write limiter (<see cref="IWriteBudgets"/>): read from the stream when first
/// needed, again after every grant or withdrawal on this node, and at least every <see cref="Refresh"/> (a grant recorded
/// by another node counts here within that).
/// </summary>
public sealed class GrantedBudgets(IDocumentStore store, TimeProvider time) : IWriteBudgets
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Loaded? _loaded;

    public bool IsLoaded => _loaded is { } loaded && time.GetUtcNow() - loaded.At < Refresh;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (!IsLoaded)
            {
                await ReadAsync(cancellationToken);
            }
        }
        catch (Exception e) when (_loaded is { } stale && DatabaseUnavailable.Is(e))
        {
            // Writes fail on their own while the database is away; the grants last read keep counting until it is back.
            _loaded = stale with { At = time.GetUtcNow() };
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Reads the grants again, now: after this node recorded a change.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            await ReadAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    public int? GrantedTo(string user, DateTimeOffset now) =>
        _loaded?.Grants.GetValueOrDefault(user) is { } grant && now < grant.Until ? grant.WritesPerWindow : null;

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(WriteBudgetLedger.StreamKey, token: cancellationToken);
        _loaded = new Loaded(WriteBudgetLedger.Latest(events), time.GetUtcNow());
    }

    private sealed record Loaded(IReadOnlyDictionary<string, WriteBudgetGrant> Grants, DateTimeOffset At);
}
