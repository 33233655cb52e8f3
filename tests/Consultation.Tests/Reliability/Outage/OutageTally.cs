using System.Collections.Concurrent;

namespace Consultation.Tests.Reliability.Outage;

/// <summary>Every answer the clients received during an outage run: status, whether it said when to retry, how long it took.</summary>
public sealed class OutageTally
{
    private readonly ConcurrentQueue<(DateTime At, int Status, bool RetryAfter, TimeSpan Took, string Body)> _answers = new();
    private readonly ConcurrentQueue<(DateTime At, TimeSpan Took, string Error)> _noAnswers = new();
    private readonly ConcurrentDictionary<KeyedWrite, DateTime> _acknowledged = new();

    public void Answered(HttpStatusCode status, bool retryAfter, TimeSpan took, string body) =>
        _answers.Enqueue((DateTime.UtcNow, (int)status, retryAfter, took, body));

    public void NoAnswer(TimeSpan took, string error) => _noAnswers.Enqueue((DateTime.UtcNow, took, error));

    private readonly ConcurrentDictionary<KeyedWrite, byte> _inFlight = new();
    private int _replayed;

    public void Sending(KeyedWrite write) => _inFlight[write] = 0;

    public void Settled(KeyedWrite write) => _inFlight.TryRemove(write, out _);

    /// <summary>The writes sent and not yet answered, at this moment.</summary>
    public IReadOnlyCollection<KeyedWrite> InFlight => [.. _inFlight.Keys];

    public void Acknowledge(KeyedWrite write) => _acknowledged[write] = DateTime.UtcNow;

    /// <summary>A resent write answered from its Idempotency-Key's record: it had been committed before, unacknowledged.</summary>
    public void Replayed() => Interlocked.Increment(ref _replayed);

    public int ReplayedCount => _replayed;

    public int AcknowledgedCount => _acknowledged.Count;

    public IReadOnlyCollection<KeyedWrite> Acknowledged => [.. _acknowledged.Keys];

    public IReadOnlyList<(DateTime At, int Status, bool RetryAfter, TimeSpan Took, string Body)> Answers => [.. _answers];

    public IReadOnlyList<(DateTime At, TimeSpan Took, string Error)> NoAnswers => [.. _noAnswers];

    public DateTime? FirstAcknowledgedAfter(DateTime moment) =>
        _acknowledged.Values.Where(at => at > moment).Order().Cast<DateTime?>().FirstOrDefault();

    public string Summary() =>
        string.Join(", ", Answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"))
        + $"; {NoAnswers.Count} without answer; slowest {Answers.Select(a => a.Took).DefaultIfEmpty().Max().TotalSeconds:0.0} s";
}
