using System.Collections.Concurrent;

namespace Consultation.Tests.Reliability.Soak;

/// <summary>Every answer the soak's clients received, counted by method and status (thread-safe).</summary>
public sealed class SoakTally
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Count(HttpMethod method, HttpResponseMessage response) =>
        _counts.AddOrUpdate($"{method} {(int)response.StatusCode}", 1, (_, n) => n + 1);

    public int Of(string methodAndStatus) => _counts.GetValueOrDefault(methodAndStatus);

    public int ServerErrors => _counts.Where(c => c.Key.Split(' ')[1][0] == '5').Sum(c => c.Value);

    public int Requests => _counts.Values.Sum();

    public override string ToString() => string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));
}
