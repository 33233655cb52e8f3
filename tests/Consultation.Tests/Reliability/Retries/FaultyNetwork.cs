using System.Collections.Concurrent;

namespace Consultation.Tests.Reliability.Retries;

/// <summary>
/// A client-side handler between the test client and the service that injects <see cref="NetworkFault"/>s:
/// each request draws one at random (seeded), except that a request's first <see cref="FaultyAttempts"/> sends
/// may fail and later ones go through, so every retry loop ends (or, given <c>always</c>, injects that fault into every send). Counts what it injected.
/// </summary>
public sealed class FaultyNetwork(int seed, NetworkFault? always = null) : DelegatingHandler
{
    public const int FaultyAttempts = 4;

    private readonly Random _random = new(seed);
    private readonly ConcurrentDictionary<NetworkFault, int> _injected = new();

    public int Injected(NetworkFault fault) => _injected.GetValueOrDefault(fault);

    /// <summary>The attempt number of the request being sent (1 = first), set by the caller.</summary>
    public static readonly HttpRequestOptionsKey<int> Attempt = new("attempt");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (fault, delay) = Draw(request.Options.TryGetValue(Attempt, out var attempt) ? attempt : FaultyAttempts + 1);
        _injected.AddOrUpdate(fault, 1, (_, n) => n + 1);
        switch (fault)
        {
            case NetworkFault.DroppedResponse:
                var answered = await base.SendAsync(request, cancellationToken);
                await answered.Content.LoadIntoBufferAsync(cancellationToken);
                answered.Dispose();
                throw new HttpRequestException("The connection dropped before the answer was read (injected).");

            case NetworkFault.Timeout:
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeout.CancelAfter(delay);
                    return await base.SendAsync(request, timeout.Token);
                }

            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }

    private (NetworkFault Fault, TimeSpan Delay) Draw(int attempt)
    {
        lock (_random)
        {
            var roll = _random.Next(3);
            var delay = TimeSpan.FromMilliseconds(_random.Next(1, 40));
            return always is { } fault ? (fault, delay) : attempt > FaultyAttempts ? (NetworkFault.None, delay) : ((NetworkFault)roll, delay);
        }
    }
}
