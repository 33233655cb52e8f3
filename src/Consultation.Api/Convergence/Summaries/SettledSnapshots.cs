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
/// A moment not kept (settled or not) is made from the kept snapshot nearest to it with the same key but the moment
/// (<see cref="SnapshotMoves"/>: only the issues changed between the two measured again), or else measured afresh; only
/// settled moments are kept. The record now (on the stated axis too: what is known of a past day changes as the
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

    /// <summary>The moments kept of each series, to find the one nearest a moment asked.</summary>
    private readonly Dictionary<Series, SortedSet<DateTimeOffset>> _moments = [];

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
            var moment = await live.MeasureAsync(session, process.Id, wanted, axes.StatedBy, rules, cancellationToken, read);
            return ConvergenceSnapshot.OfVoices(process, axes, rules, moment.Measures, moment.Holders);
        }

        var now = time.GetUtcNow();
        var at = axes.AsOf.Value;
        var series = new Series(
            process.Id,
            process.Version,
            axes.StatedBy,
            Positions.Views.Inheritance.DateAskedAbout(axes, now),
            rules.Key,
            issues is null ? null : string.Join('\n', issues.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            await StakeholdersMarkAsync(session, cancellationToken));
        var settled = at <= now - _settle;
        if (settled && _cache.TryGetValue(new Key(series, at), out ConvergenceSnapshot? kept) && kept is not null)
        {
            return kept;
        }

        var near = Nearest(series, at);
        var snapshot = (near is null ? null : await SnapshotMoves.MoveAsync(session, process, axes, rules, issues, near, now, cancellationToken))
            ?? await ConvergenceSnapshot.TakeAsync(session, process, axes, rules, issues, now, cancellationToken);
        if (settled)
        {
            Keep(series, at, snapshot, near);
        }

        return snapshot;
    }

    /// <summary>The kept snapshot of <paramref name="series"/> nearest to <paramref name="at"/> on either side.</summary>
    private ConvergenceSnapshot? Nearest(Series series, DateTimeOffset at)
    {
        DateTimeOffset[] candidates;
        lock (_moments)
        {
            if (!_moments.TryGetValue(series, out var moments))
            {
                return null;
            }

            candidates = [.. new[] { moments.GetViewBetween(DateTimeOffset.MinValue, at).Max, moments.GetViewBetween(at, DateTimeOffset.MaxValue).Min }
                .Where(m => m != default)
                .OrderBy(m => (m - at).Duration())];
        }

        foreach (var moment in candidates)
        {
            if (_cache.TryGetValue(new Key(series, moment), out ConvergenceSnapshot? kept) && kept is not null)
            {
                return kept;
            }
        }

        return null;
    }

    /// <summary>
    /// Keeps a settled moment's snapshot, counted by the positions it holds that no other kept snapshot holds (a moved
    /// snapshot shares the measures of every issue that did not change).
    /// </summary>
    private void Keep(Series series, DateTimeOffset at, ConvergenceSnapshot snapshot, ConvergenceSnapshot? near)
    {
        var held = snapshot.Issues.Values.Where(i => near is null || !near.Issues.TryGetValue(i.Issue, out var shared) || !ReferenceEquals(shared, i));
        var options = new MemoryCacheEntryOptions { Size = 1 + held.Sum(i => i.Positions.Count), SlidingExpiration = TimeSpan.FromMinutes(30) };
        options.RegisterPostEvictionCallback((key, _, reason, _) =>
        {
            if (reason == EvictionReason.Replaced)
            {
                return;
            }

            var (evicted, moment) = (Key)key;
            lock (_moments)
            {
                if (_moments.TryGetValue(evicted, out var moments) && moments.Remove(moment) && moments.Count == 0)
                {
                    _moments.Remove(evicted);
                }
            }
        });
        lock (_moments)
        {
            if (!_moments.TryGetValue(series, out var moments))
            {
                moments = [];
                _moments[series] = moments;
            }

            moments.Add(at);
        }

        _cache.Set(new Key(series, at), snapshot, options);
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

    /// <summary>What a snapshot reads besides the recorded moment: two snapshots of a series differ only by the events recorded between their moments.</summary>
    private sealed record Series(
        string Process, long ProcessVersion, DateOnly? StatedBy, DateOnly On, (ConvergenceThresholds Thresholds, string Basis) Rules, string? Issues, string Stakeholders);

    private sealed record Key(Series Series, DateTimeOffset AsOf);
}
