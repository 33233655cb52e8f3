using Consultation.Convergence.Measuring;
using Consultation.Meetings;
using Consultation.Positions.Views;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Marten.Services.BatchQuerying;

namespace Consultation.Convergence.Summaries;

/// <summary>
/// A meeting's close: the moment the timelines and movers measure at — on the stated axis its last day
/// (<see cref="EndsOn"/>), on the recorded axis the moment it was closed in the record (<see cref="ClosedAt"/>).
/// </summary>
public sealed record MeetingClose(string Meeting, string Title, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset ClosedAt)
{
    /// <summary>
    /// The axes a measure at this close reads: stated — what had been said by <see cref="EndsOn"/>, as the record stood
    /// at <paramref name="asOf"/> (now when null); recorded — the record at <see cref="ClosedAt"/>.
    /// </summary>
    public TimeAxes At(TimelineAxis axis, DateTimeOffset? asOf) =>
        axis == TimelineAxis.Recorded ? new TimeAxes(ClosedAt, null) : new TimeAxes(asOf, EndsOn);
}

/// <summary>Issues at each level — a bar or stacked area a chart can draw.</summary>
public sealed record LevelCounts(int InsufficientData, int Divergent, int Emerging, int BroadConvergence, int Consensus)
{
    public static LevelCounts Of(IEnumerable<ConvergenceLevel> levels)
    {
        var list = levels.ToList();
        return new(
            list.Count(l => l == ConvergenceLevel.InsufficientData),
            list.Count(l => l == ConvergenceLevel.Divergent),
            list.Count(l => l == ConvergenceLevel.Emerging),
            list.Count(l => l == ConvergenceLevel.BroadConvergence),
            list.Count(l => l == ConvergenceLevel.Consensus));
    }
}

public static class ClosedMeetings
{
    /// <summary>
    /// The meetings of <paramref name="process"/> closed by <paramref name="asOf"/> (all closed ones when null), in calendar
    /// order (start date, end date, key), each with its recorded <see cref="MeetingDetails.ClosedAt"/>. One query.
    /// </summary>
    public static async Task<IReadOnlyList<MeetingClose>> OfAsync(IQuerySession session, string process, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var closes = Enlist(batch, session.DocumentStore, process, asOf);
        await batch.Execute(cancellationToken);
        return await closes();
    }

    /// <summary>
    /// The same, enlisted in <paramref name="batch"/>: a mark of the process's meeting documents (their versions, short
    /// columns); the closes read last time for the same mark are answered again, else read in a round trip of their own
    /// (<see cref="ReadAsync"/>). A large process's meetings carry megabytes of statements: reading the closes out of them
    /// took 40–70 ms at every dashboard read, for an answer that changes when a meeting does.
    /// </summary>
    public static Func<Task<IReadOnlyList<MeetingClose>>> Enlist(IBatchedQuery batch, IDocumentStore store, string process, DateTimeOffset? asOf)
    {
        var mark = batch.Query<string>(
            $"select coalesce(md5(string_agg(d.id || ':' || d.mt_version::text, ',' order by d.id)), '') from {store.TableOf<MeetingDetails>()} as d "
            + $"where d.{store.Options.DuplicatedColumnOf<MeetingDetails>(m => m.Process)} = ?",
            process);
        var session = batch.Parent;
        return async () =>
        {
            var key = (process, (await mark).Single());
            var kept = Kept.GetOrCreateValue(store);
            if (!kept.TryGetValue(process, out var closes) || closes.Mark != key.Item2)
            {
                closes = (key.Item2, await ReadAsync(session, store, process));
                kept[process] = closes;
            }

            return [.. closes.Closes.Where(m => asOf is not { } at || m.ClosedAt <= at)];
        };
    }

    /// <summary>The closes last read of each process of a store, with the mark of its meetings they were read at.</summary>
    private static readonly ConditionalWeakTable<IDocumentStore, ConcurrentDictionary<string, (string Mark, IReadOnlyList<MeetingClose> Closes)>> Kept = new();

    /// <summary>
    /// Every close of the process, in calendar order. Only the four fields travel, taken from the stored JSON as it is, so
    /// the close keeps every digit of its recorded time (a selected <c>DateTimeOffset</c> would go through
    /// <c>timestamptz</c> and lose the seventh), which as-of comparisons and the snapshots at closes rely on. Each document
    /// is taken apart once (<c>jsonb_to_record</c>): every <c>d.data -&gt;</c> of a large (toasted) document would fetch
    /// and decompress all of it again. The process is matched on its own column, so no other process's meeting is opened.
    /// </summary>
    private static async Task<IReadOnlyList<MeetingClose>> ReadAsync(IQuerySession session, IDocumentStore store, string process)
    {
        var table = store.TableOf<MeetingDetails>();
        var rows = await session.QueryAsync<ClosedRow>(
            "select jsonb_build_object('meeting', r.meeting, 'title', r.title, 'startsOn', r.\"startsOn\", 'endsOn', r.\"endsOn\", 'closedAt', r.\"closedAt\") "
            + $"from {table} as d, jsonb_to_record(d.data) as r(meeting jsonb, title jsonb, \"startsOn\" jsonb, \"endsOn\" jsonb, \"closedAt\" jsonb) "
            + "where d.process = ? and r.\"closedAt\" is not null and r.\"closedAt\" <> 'null'::jsonb "
            + "order by (r.\"startsOn\" #>> '{}')::date, (r.\"endsOn\" #>> '{}')::date, d.id",
            process);
        return [.. rows.Select(m => new MeetingClose(m.Meeting, m.Title, m.StartsOn, m.EndsOn, m.ClosedAt))];
    }

    private sealed class ClosedRow
    {
        public string Meeting { get; init; } = string.Empty;

        public string Title { get; init; } = string.Empty;

        public DateOnly StartsOn { get; init; }

        public DateOnly EndsOn { get; init; }

        public DateTimeOffset ClosedAt { get; init; }
    }
}
