using System.Globalization;

namespace Consultation.Projections;

public enum RebuildState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// How far the rebuild of one projection has come: the global sequence its shard has replayed up to, against the
/// head (the highest event sequence when it started). Updated from the daemon's thread, read from requests.
/// </summary>
public sealed class ProjectionRebuildProgress(string name, TimeProvider time)
{
    private readonly Lock _gate = new();
    private RebuildState _state = RebuildState.Queued;
    private long _sequence;
    private long _head;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _finishedAt;
    private string? _error;

    public string Name { get; } = name;

    public RebuildState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public void Start(long head) => Update(() =>
    {
        _state = RebuildState.Running;
        _startedAt = time.GetUtcNow();
        _head = head;
        _sequence = 0;
    });

    /// <summary>A shard state from the daemon: replayed up to <paramref name="sequence"/>.</summary>
    public void Advance(long sequence) => Update(() => _sequence = Math.Max(_sequence, sequence));

    /// <summary>The daemon moved its ceiling (events were appended while the rebuild ran).</summary>
    public void RaiseHead(long head) => Update(() => _head = Math.Max(_head, head));

    public void Succeed() => Update(() =>
    {
        _state = RebuildState.Succeeded;
        _finishedAt = time.GetUtcNow();
        _sequence = Math.Max(_sequence, _head);
    });

    public void Fail(string error) => Update(() =>
    {
        _state = RebuildState.Failed;
        _finishedAt = time.GetUtcNow();
        _error = error;
    });

    public ProjectionProgressView View()
    {
        lock (_gate)
        {
            var elapsed = _startedAt is { } started ? (_finishedAt ?? time.GetUtcNow()) - started : TimeSpan.Zero;
            var percent = _head <= 0
                ? (_state == RebuildState.Succeeded ? 100 : 0)
                : Math.Round(100.0 * Math.Min(_sequence, _head) / _head, 1);
            return new ProjectionProgressView(Name, _state, _sequence, _head, percent, Math.Round(elapsed.TotalSeconds, 3), _startedAt, _finishedAt, _error);
        }
    }

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
        }
    }
}

/// <summary>One projection's rebuild as the status resource and the command line show it.</summary>
public sealed record ProjectionProgressView(
    string Name,
    RebuildState State,
    long Sequence,
    long HeadSequence,
    double Percent,
    double ElapsedSeconds,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {State.ToString().ToLowerInvariant()}, sequence {Sequence} of {HeadSequence} ({Percent:0.0}%), {ElapsedSeconds:0.000}s{(Error is null ? string.Empty : " - " + Error)}");
}
