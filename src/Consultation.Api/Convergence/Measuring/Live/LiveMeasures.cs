using System.Globalization;
using Consultation.Positions.Views;
using Marten.Services.BatchQuerying;
using Microsoft.Extensions.Caching.Memory;

namespace Consultation.Convergence.Measuring.Live;

/// <summary>
/// The measures of the record as it stands now — now, or as stated by a day (the default timeline points, the dashboard's
/// movers) — kept in memory per process, and per rules and date measured within it, and brought up to date at each read (once per
/// <see cref="LiveRead"/>) by the changes the
/// writes recorded (<see cref="MeasureChanges"/>): an issue is measured again only when a transaction changed its
/// positions since it was measured (a back-dated correction included), every issue when one changed the registry.
/// A read costs one round trip when nothing changed. Settled moments of the past are <see cref="Summaries.SettledSnapshots"/>'.
/// </summary>
public sealed class LiveMeasures(TimeProvider time) : IDisposable
{
    /// <summary>About this many measured positions are kept (each held once per process, moment, rules and date measured).</summary>
    public const long PositionsKept = 4_000_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = PositionsKept });

    /// <summary>
    /// The measures of <paramref name="issues"/> of <paramref name="process"/> as the record stands now, stated by
    /// <paramref name="statedBy"/> when given, across <paramref name="rules"/>: each equal to measuring it afresh
    /// (<see cref="MeasureInputs.MeasureAsync"/>), with the positions counted as voices (blocs' own left out). Within one
    /// <paramref name="read"/> the process's changes are looked for once.
    /// </summary>
    public async Task<LiveMoment> MeasureAsync(
        IQuerySession session,
        string process,
        IReadOnlyCollection<string> issues,
        DateOnly? statedBy,
        MeasureRules rules,
        CancellationToken cancellationToken,
        LiveRead? read = null)
    {
        var now = time.GetUtcNow();
        var axes = new TimeAxes(null, statedBy);
        var entry = EntryOf(process);
        await entry.Lock.WaitAsync(cancellationToken);
        try
        {
            if (read?.TakeEnlisted(process) is { } enlisted && enlisted.Entry == entry && enlisted.From == entry.Horizon)
            {
                read.Refreshed(process, entry.Apply(await enlisted.Changes()));
            }

            // A process's entry made during the read (the first, or one evicted meanwhile) is brought up to date by itself.
            if (read is null || !read.Refreshed(process, out _) || entry.Horizon is null)
            {
                var batch = session.CreateBatchQuery();
                var changes = Entry.EnlistChanges(batch, session.DocumentStore, process, entry.Horizon);
                await batch.Execute(cancellationToken);
                var horizon = entry.Apply(await changes());
                read?.Refreshed(process, horizon);
            }

            var moment = entry.MomentOf(new MomentKey(rules.Key, statedBy, Inheritance.DateAskedAbout(axes, now)));
            var wanted = issues.Distinct(StringComparer.Ordinal).ToArray();
            var missing = wanted.Where(i => !moment.Measures.ContainsKey(i)).ToArray();
            if (missing.Length > 0)
            {
                var batch = session.CreateBatchQuery();
                var standing = StandingRows.Enlist(batch, session.DocumentStore, process, missing, axes);
                var accredited = moment.Accredited is null ? MeasureInputs.Accredited(batch, session.DocumentStore, process, axes, now) : null;
                await batch.Execute(cancellationToken);
                moment.Accredited ??= await accredited!();
                var measured = await MeasureInputs.MeasureAsync(session, missing, await standing(), moment.Accredited, rules, cancellationToken);
                foreach (var (issue, (measure, positions)) in measured)
                {
                    // Kept as voices only (a bloc's own position is carried by its members), as snapshots show them.
                    moment.Keep(issue, measure, [.. positions.Where(p => p.Kind != Stakeholders.StakeholderKind.GroupOrBloc)]);
                }

                _cache.Set(process, entry, new MemoryCacheEntryOptions { Size = entry.Size, SlidingExpiration = TimeSpan.FromMinutes(30) });
            }

            return new LiveMoment(
                wanted.ToDictionary(i => i, i => moment.Measures[i], StringComparer.Ordinal),
                wanted.Length == moment.Measures.Count ? moment.Holders : null);
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    /// <summary>
    /// Looks for the changes of <paramref name="process"/> in the caller's <paramref name="batch"/>, for the measures taken
    /// next within <paramref name="read"/>: a read whose other reads share a round trip pays none for bringing the kept
    /// measures up to date (taken into account unless another read moved them on meanwhile; then looked for again).
    /// </summary>
    public void Enlist(IBatchedQuery batch, IDocumentStore store, string process, LiveRead read)
    {
        var entry = EntryOf(process);
        var from = entry.Horizon;
        read.Enlisted(process, new EnlistedChanges(entry, from, Entry.EnlistChanges(batch, store, process, from)));
    }

    private Entry EntryOf(string process) => _cache.GetOrCreate(process, e =>
    {
        e.Size = 1;
        e.SlidingExpiration = TimeSpan.FromMinutes(30);
        return new Entry();
    })!;

    public void Dispose() => _cache.Dispose();

    /// <summary>The changes looked for in a caller's batch, from <see cref="From"/> (the horizon then) of <see cref="Entry"/>.</summary>
    internal sealed record EnlistedChanges(object Entry, long? From, Func<Task<Changes>> Changes);

    /// <summary>What a look for changes found: the new horizon and the changes at or above the previous one ("issue␟txid").</summary>
    internal sealed record Changes(long Horizon, HashSet<string> Found);

    /// <summary>
    /// The measures asked for, each with its counted positions (voices only), and the number of stakeholders with a counted
    /// position on any of them when known without counting (the issues asked are all the moment keeps: a dashboard's).
    /// </summary>
    public sealed record LiveMoment(IReadOnlyDictionary<string, (IssueMeasure Measure, IReadOnlyList<MeasuredPosition> Positions)> Measures, int? Holders);

    /// <summary>A moment of the record now: the rules measured by, the day stated by (none: now), and the date measured.</summary>
    private sealed record MomentKey((ConvergenceThresholds, string) Rules, DateOnly? StatedBy, DateOnly On);

    private sealed class Moment
    {
        private readonly Dictionary<string, (IssueMeasure Measure, IReadOnlyList<MeasuredPosition> Positions)> _measures = new(StringComparer.Ordinal);

        /// <summary>For each stakeholder with a counted position, on how many of the kept issues.</summary>
        private readonly Dictionary<string, int> _holders = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, (IssueMeasure Measure, IReadOnlyList<MeasuredPosition> Positions)> Measures => _measures;

        /// <summary>The stakeholders with a counted position on any kept issue, kept as issues are measured and forgotten.</summary>
        public int Holders => _holders.Count;

        public AccreditedVoices? Accredited { get; set; }

        public void Keep(string issue, IssueMeasure measure, IReadOnlyList<MeasuredPosition> positions)
        {
            Forget(issue);
            _measures[issue] = (measure, positions);
            foreach (var position in positions)
            {
                _holders[position.Stakeholder] = _holders.GetValueOrDefault(position.Stakeholder) + 1;
            }
        }

        public void Forget(string issue)
        {
            if (!_measures.Remove(issue, out var kept))
            {
                return;
            }

            foreach (var position in kept.Positions)
            {
                if (--_holders[position.Stakeholder] == 0)
                {
                    _holders.Remove(position.Stakeholder);
                }
            }
        }
    }

    /// <summary>One process's kept measures, each moment's, and what is known of the changes made to them.</summary>
    private sealed class Entry
    {
        private readonly Dictionary<MomentKey, Moment> _moments = [];

        public SemaphoreSlim Lock { get; } = new(1, 1);

        /// <summary>The positions kept, over every moment (what the cache counts).</summary>
        public long Size => 1 + _moments.Values.Sum(m => m.Measures.Values.Sum(x => (long)x.Positions.Count));

        public Moment MomentOf(MomentKey key)
        {
            if (!_moments.TryGetValue(key, out var moment))
            {
                moment = new Moment();
                _moments[key] = moment;
            }

            return moment;
        }

        private void Forget(string? issue)
        {
            if (issue is null)
            {
                _moments.Clear();
                return;
            }

            foreach (var moment in _moments.Values)
            {
                moment.Forget(issue);
            }
        }

        /// <summary>The oldest transaction running when the measures were last brought up to date (null: never).</summary>
        public long? Horizon
        {
            get => Volatile.Read(ref _horizon) is var h and >= 0 ? h : null;
            private set => Volatile.Write(ref _horizon, value ?? -1);
        }

        private long _horizon = -1;

        /// <summary>
        /// The changes at or above <see cref="Horizon"/> already taken into account (issue and transaction): a transaction
        /// running somewhere (the async daemon's, a long export's) holds the horizon back, and the changes committed since
        /// are found again at every read until it moves on — only those not seen before make an issue be measured again.
        /// </summary>
        private HashSet<string> Seen { get; set; } = [];

        /// <summary>
        /// The changes since <paramref name="from"/> (the first time: none, the new horizon only) and the new horizon, taken
        /// before anything else the batch reads: a transaction not yet visible then has an id at or above it, and is looked
        /// for at the next read.
        /// </summary>
        public static Func<Task<Changes>> EnlistChanges(IBatchedQuery batch, IDocumentStore store, string process, long? from)
        {
            var next = batch.Query<string>("select pg_snapshot_xmin(pg_current_snapshot())::text");
            var changed = batch.Query<string>(
                $"select distinct c.issue || chr(31) || c.txid::text from {MeasureChanges.QualifiedName(store)} as c "
                + "where c.process = any(?) and c.txid >= coalesce(nullif(?, '')::xid8, pg_snapshot_xmin(pg_current_snapshot()))",
                new[] { process, MeasureChanges.Everything },
                from?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            return async () => new Changes(
                long.Parse((await next).Single(), CultureInfo.InvariantCulture), (await changed).ToHashSet(StringComparer.Ordinal));
        }

        /// <summary>Forgets the measures the changes found move (all of them the first time) and answers the new horizon.</summary>
        public long Apply(Changes changes)
        {
            if (Horizon is null)
            {
                Forget(null);
            }
            else
            {
                foreach (var (issue, _) in changes.Found.Except(Seen).Select(Parse))
                {
                    if (issue == MeasureChanges.Everything)
                    {
                        Forget(null);
                        break;
                    }

                    Forget(issue);
                }
            }

            Seen = [.. changes.Found.Where(change => Parse(change).Txid >= changes.Horizon)];
            Horizon = changes.Horizon;
            return changes.Horizon;
        }

        private static (string Issue, long Txid) Parse(string change)
        {
            var separator = change.IndexOf('\u001f', StringComparison.Ordinal);
            return (change[..separator], long.Parse(change.AsSpan(separator + 1), CultureInfo.InvariantCulture));
        }
    }
}
