using Consultation.Meetings;
using Consultation.Stakeholders;
using Consultation.Synthetic;

namespace Consultation.Benchmarks;

/// <summary>
/// A process ready for position writes: a synthetic consultation's registry, process and meetings without its positions,
/// so every (issue, member state) pair is free to be stated. Writers take disjoint pairs; each pair is stated, then
/// revised (the stance flips) <see cref="WritesPerPair"/> − 1 times before the writer moves on, so the load is one
/// stating to three revisions of short streams, as a secretariat records them.
/// </summary>
public sealed class WriteFixture
{
    private readonly (string Issue, string Stakeholder)[] _pairs;
    private readonly long[] _versions;

    private WriteFixture(string process, string meeting, DateOnly statedOn, (string, string)[] pairs, int writesPerPair)
    {
        WritesPerPair = writesPerPair;
        Process = process;
        Meeting = meeting;
        StatedOn = statedOn;
        _pairs = pairs;
        _versions = new long[pairs.Length];
    }

    public string Process { get; }

    public string Meeting { get; }

    public DateOnly StatedOn { get; }

    public int Pairs => _pairs.Length;

    public int WritesPerPair { get; }

    public static async Task<WriteFixture> CreateAsync(IDocumentStore store, string process, int stakeholders, int issues, int? maxPairs = null, int writesPerPair = 4)
    {
        var scenario = ScenarioBuilder.Build(new SyntheticOptions(7, stakeholders, issues, 3, process));
        var streams = scenario.Streams.Where(s => s.Kind is SyntheticStreamKind.Process or SyntheticStreamKind.Meeting).ToList();
        await new SyntheticWriter(store).WriteAsync(scenario with { Streams = streams }, SyntheticWriteMode.Sessions);
        await using var query = store.QuerySession();
        var meetings = await query.Query<MeetingDetails>().Where(m => m.Process == process).ToListAsync();
        var meeting = meetings.Where(m => m.Status != MeetingStatus.Cancelled).OrderBy(m => m.StartsOn).First();
        var states = scenario.Registry
            .Where(s => s.Events[0] is StakeholderRegistered { Kind: StakeholderKind.MemberState })
            .Select(s => s.Key)
            .ToList();
        var pairs = scenario.Issues.Where(i => !i.Retired)
            .SelectMany(i => states.Select(s => (i.Issue, s)))
            .Take(maxPairs ?? int.MaxValue)
            .ToArray();
        return new WriteFixture(process, meeting.Id[(process.Length + 1)..], meeting.StartsOn, pairs, writesPerPair);
    }

    /// <summary>The next write of a worker: its pair, and the version the pair is at (0: not stated yet).</summary>
    public PositionWrite Next(int worker, int workers, long sequence)
    {
        var mine = (_pairs.Length - worker + workers - 1) / workers;
        var index = worker + (int)(sequence / WritesPerPair % mine) * workers;
        var (issue, stakeholder) = _pairs[index];
        var version = Volatile.Read(ref _versions[index]);
        return new PositionWrite(this, index, issue, stakeholder, version);
    }

    public void Written(PositionWrite write) => Volatile.Write(ref _versions[write.Index], write.Version + 1);

    public PositionContent Content(long version) =>
        new(version % 2 == 0 ? Stances.Supports : -Stances.Supports, null, $"Benchmark position, version {version + 1}.", null, new PositionSource(Meeting, null, null), StatedOn);
}

/// <summary>One write: state when <see cref="Version"/> is 0, else revise from that version.</summary>
public sealed record PositionWrite(WriteFixture Fixture, int Index, string Issue, string Stakeholder, long Version)
{
    public string Key => Position.KeyFor(Fixture.Process, Issue, Stakeholder);

    public PositionContent Content => Fixture.Content(Version);

    public object Event => Version == 0
        ? new PositionStated(Key, Fixture.Process, Issue, Stakeholder, null, Content)
        : new PositionRevised(Key, Content, "The delegation shifted.");
}
