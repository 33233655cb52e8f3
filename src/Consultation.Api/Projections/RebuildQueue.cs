using System.Threading.Channels;

namespace Consultation.Projections;

/// <summary>
/// Hands rebuilds to the background worker, one at a time: a rebuild is refused while another is queued or running.
/// Keeps the recent runs for the status resource (in memory: the durable record is the event on <c>audit:rebuilds</c>).
/// </summary>
public sealed class RebuildQueue
{
    private const int RunsKept = 100;

    private readonly Channel<RebuildRun> _channel = Channel.CreateUnbounded<RebuildRun>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly LinkedList<RebuildRun> _runs = new();
    private RebuildRun? _current;

    public ChannelReader<RebuildRun> Reader => _channel.Reader;

    /// <summary>The rebuild queued or running now, if any.</summary>
    public RebuildRun? Active
    {
        get
        {
            lock (_gate)
            {
                return _current is { IsFinished: false } current ? current : null;
            }
        }
    }

    /// <summary>Queues the run unless another is active; then answers that one instead.</summary>
    public bool TryEnqueue(RebuildRun run, out RebuildRun? active)
    {
        lock (_gate)
        {
            if (_current is { IsFinished: false } current)
            {
                active = current;
                return false;
            }

            _current = run;
            _runs.AddFirst(run);
            if (_runs.Count > RunsKept)
            {
                _runs.RemoveLast();
            }

            active = null;
            return _channel.Writer.TryWrite(run);
        }
    }

    public RebuildRun? Find(Guid id)
    {
        lock (_gate)
        {
            return _runs.FirstOrDefault(r => r.Id == id);
        }
    }
}
