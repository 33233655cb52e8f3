using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Live;
using Consultation.Processes;
using Consultation.Stakeholders;
using Microsoft.Extensions.Caching.Memory;

namespace Consultation.Convergence.Summaries;

/// <summary>
/// <see cref="ConvergenceSnapshot"/>s of settled moments, kept in memory. Events are never changed, so the record as of a
/// moment far enough in the past never changes either: the movers and timelines measure at meeting closes, and an auditor
/// replays the same moment again and again, and each of those is computed once. A moment is settled when no write still
/// running can commit events stamped at or before it (<c>Convergence:SettleSeconds</c>, <see cref="DefaultSettleSeconds"/>). The key also holds what a snapshot
/// reads from the record as it stands now — the process document's version (titles, tabling) and a mark of the
/// stakeholder records (memberships, kinds) — so a later change to either is never answered from an older snapshot.
/// Moments not yet settled are always computed; the record now (on the stated axis too: what is known of a past day changes as the
/// record grows) is <see cref="LiveMeasures"/>', kept current by the writes.
/// </summary>
public sealed class SettledSnapshots(TimeProvider time, IConfiguration configuration, LiveMeasures live) : IDisposable
{
    /// <summary>
    /// Events are stamped when their transaction writes them; a transaction still open can commit events stamped before a
    /// moment that is already past. Writes end within the command timeout (30 s by default); five minutes leaves room.
    /// </summary>
    public const int DefaultSettleSeconds = 300;

    private readonly TimeSpan _settle = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Convergence:SettleSeconds", DefaultSettleSeconds)));

    /// <summary>About this many measured positions are kept (a large process's snapshot holds a few hundred thousand).</summary>
    public const long PositionsKept = 2_000_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = PositionsKept });

    public async Task<ConvergenceSnapshot> TakeAsync(
        IQuerySession session,
        ProcessDetails process,
        TimeAxes axes,
        MeasureRules rules,
        IReadOnlyCollection<string>? issues,
        CancellationToken cancellationToken,
        LiveRead? read = null)
    {
        if (axes.AsOf is null)
        {
            var wanted = ConvergenceSnapshot.Wanted(process, axes, issues);
            return ConvergenceSnapshot.Of(process, axes, rules, await live.MeasureAsync(session, process.Id, wanted, axes.StatedBy, rules, cancellationToken, read));
        }

        if (axes.AsOf is not { } at || at > time.GetUtcNow() - _settle)
        {
            return await ConvergenceSnapshot.TakeAsync(session, process, axes, rules, issues, time.GetUtcNow(), cancellationToken);
        }

        var key = new Key(
            process.Id,
            process.Version,
            at,
            axes.StatedBy,
            rules.Key,
            issues is null ? null : string.Join('\n', issues.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            await StakeholdersMarkAsync(session, cancellationToken));
        if (_cache.TryGetValue(key, out ConvergenceSnapshot? kept) && kept is not null)
        {
            return kept;
        }

        var snapshot = await ConvergenceSnapshot.TakeAsync(session, process, axes, rules, issues, time.GetUtcNow(), cancellationToken);
        _cache.Set(key, snapshot, new MemoryCacheEntryOptions
        {
            Size = 1 + snapshot.Issues.Values.Sum(i => i.Positions.Count),
            SlidingExpiration = TimeSpan.FromMinutes(30),
        });
        return snapshot;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>Changes whenever any stakeholder record changes: the latest modification and the number of records.</summary>
    private static async Task<string> StakeholdersMarkAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var table = session.DocumentStore.TableOf<StakeholderDetails>();
        var marks = await session.QueryAsync<string>(
            $"select coalesce(max(mt_last_modified)::text, '') || '|' || count(*) from {table}", cancellationToken);
        return marks.Single();
    }

    private sealed record Key(string Process, long ProcessVersion, DateTimeOffset AsOf, DateOnly? StatedBy, (ConvergenceThresholds Thresholds, string Basis) Rules, string? Issues, string Stakeholders);
}
