namespace Consultation.Projections;

/// <summary>Who asked for a rebuild: stamped on the audit event when the background worker records it.</summary>
public sealed record Requester(string UserName, string DisplayName, string Role, string CorrelationId);

/// <summary>One rebuild, from the request to its outcome; the status resource reads it while the worker runs it.</summary>
public sealed class RebuildRun(Guid id, IReadOnlyList<string> projections, Requester requester, TimeProvider time)
{
    private readonly Lock _gate = new();
    private RebuildState _state = RebuildState.Queued;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _finishedAt;
    private long _headSequence;
    private string? _error;
    private RebuildState? _outcome;

    public Guid Id { get; } = id;

    public Requester Requester { get; } = requester;

    public DateTimeOffset RequestedAt { get; } = time.GetUtcNow();

    public IReadOnlyList<ProjectionRebuildProgress> Projections { get; } = projections.Select(p => new ProjectionRebuildProgress(p, time)).ToList();

    public bool IsFinished
    {
        get
        {
            lock (_gate)
            {
                return _state is RebuildState.Succeeded or RebuildState.Failed;
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            _state = RebuildState.Running;
            _startedAt = time.GetUtcNow();
        }
    }

    /// <summary>
    /// Settles the outcome — succeeded when every projection did, otherwise failed, naming those that did not — and
    /// answers the final status to record. The run still shows as running (and blocks another) until <see cref="Close"/>,
    /// so whoever sees it finished also finds it on the audit stream.
    /// </summary>
    public RebuildStatus Finish(long headSequence, string? error = null)
    {
        var failed = Projections.Where(p => p.State != RebuildState.Succeeded).Select(p => p.Name).ToList();
        lock (_gate)
        {
            _headSequence = headSequence;
            _finishedAt = time.GetUtcNow();
            _error = error ?? (failed.Count == 0 ? null : $"Not rebuilt: {string.Join(", ", failed)}.");
            _outcome = _error is null ? RebuildState.Succeeded : RebuildState.Failed;
            return StatusAs(_outcome.Value);
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            _state = _outcome ?? RebuildState.Failed;
        }
    }

    public RebuildStatus Status()
    {
        lock (_gate)
        {
            return StatusAs(_state);
        }
    }

    private RebuildStatus StatusAs(RebuildState state) => new(
        Id,
        state,
        Requester.UserName,
        RequestedAt,
        _startedAt,
        _finishedAt,
        _headSequence,
        Projections.Select(p => p.View()).ToList(),
        _error);
}

/// <summary>The status resource of a rebuild (<c>GET /admin/projections/rebuilds/{id}</c>).</summary>
public sealed record RebuildStatus(
    Guid Id,
    RebuildState State,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long HeadSequence,
    IReadOnlyList<ProjectionProgressView> Projections,
    string? Error);
