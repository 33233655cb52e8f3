using System.Collections.Concurrent;

namespace Consultation.Infrastructure.Security;

/// <summary>Whether a write fits its user's window, and if not, how long until the window ends.</summary>
public readonly record struct WriteWindowAnswer(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// Counts each user's writes in fixed windows: in this node's memory (<see cref="MemoryWriteWindows"/>, one node) or in a
/// table every node shares (<see cref="DatabaseWriteWindows"/>, the default), with the same answers
/// (<c>Security:WriteWindows</c>, <see cref="WriteWindowsStorage"/>).
/// </summary>
public interface IWriteWindows
{
    /// <summary>Counts one write of <paramref name="user"/> at <paramref name="now"/> if the window has room under <paramref name="budget"/>; a refused write is not counted.</summary>
    ValueTask<WriteWindowAnswer> TakeAsync(string user, int budget, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Where the windows are counted: <c>Database</c> (the default; right with any number of nodes) or <c>Memory</c> (one node only: each node would grant the whole budget).</summary>
public enum WriteWindowsStorage
{
    Database,
    Memory,
}

/// <summary>
/// Windows in this node's memory: a user's window opens at their first write and lasts the configured
/// <see cref="HardeningSettings.WindowSeconds"/>; a write past the budget is told the time left in it, not the whole window.
/// </summary>
public sealed class MemoryWriteWindows(TimeSpan length) : IWriteWindows
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public ValueTask<WriteWindowAnswer> TakeAsync(string user, int budget, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Take(user, budget, now));

    private WriteWindowAnswer Take(string user, int budget, DateTimeOffset now)
    {
        if (_windows.Count > SweepAbove)
        {
            Sweep(now);
        }

        var window = _windows.GetOrAdd(user, _ => new Window(now));
        lock (window)
        {
            if (now >= window.Opened + length || now < window.Opened)
            {
                window.Opened = now;
                window.Count = 0;
            }

            if (window.Count < budget)
            {
                window.Count++;
                return new WriteWindowAnswer(true, TimeSpan.Zero);
            }

            return new WriteWindowAnswer(false, window.Opened + length - now);
        }
    }

    /// <summary>Forgets windows that have ended (a user writing again opens a new one), so the count does not grow with every user ever seen.</summary>
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (user, window) in _windows)
        {
            if (now >= window.Opened + length)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(user, window));
            }
        }
    }

    private sealed class Window(DateTimeOffset opened)
    {
        public DateTimeOffset Opened { get; set; } = opened;

        public int Count { get; set; }
    }
}
