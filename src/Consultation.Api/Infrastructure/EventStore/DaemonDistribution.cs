using JasperFx.Events.Daemon;

namespace Consultation.Infrastructure.EventStore;

/// <summary>
/// How the async daemon shares the work between nodes on one database. <c>Marten:DaemonMode</c>: <c>HotCold</c> (the
/// default) lets Marten elect, per projection shard and the hash-chain subscription, the one node that runs it, through a
/// PostgreSQL advisory lock; the others poll every <c>Marten:LeadershipPollingMilliseconds</c> and take a shard over
/// when its node's session ends (a killed process's locks go with its connections). <c>Solo</c> assumes a single node and
/// starts everything at once without locks: never run two nodes so. <c>Marten:DaemonLockId</c> is the base of the lock
/// ids; the ids also hash the schema and shard name, so stores in other schemas of the same database do not collide.
/// </summary>
public static class DaemonDistribution
{
    public const string ModeKey = "Marten:DaemonMode";
    public const string PollingKey = "Marten:LeadershipPollingMilliseconds";
    public const string LockIdKey = "Marten:DaemonLockId";

    /// <summary>A node that is gone is replaced within about this long (plus one batch of the projection).</summary>
    public const int DefaultPollingMilliseconds = 1000;

    public static DaemonMode ModeFrom(IConfiguration configuration) =>
        configuration[ModeKey] switch
        {
            null or "" => DaemonMode.HotCold,
            var text when Enum.TryParse<DaemonMode>(text, ignoreCase: true, out var mode) && mode is DaemonMode.HotCold or DaemonMode.Solo => mode,
            var text => throw new InvalidOperationException($"Setting '{ModeKey}' must be HotCold (several nodes, the default) or Solo (one node); it is '{text}'."),
        };

    public static void Apply(StoreOptions options, IConfiguration configuration)
    {
        options.Projections.AsyncMode = ModeFrom(configuration);
        var polling = configuration.GetValue(PollingKey, DefaultPollingMilliseconds);
        options.Projections.LeadershipPollingTime = polling is >= 100 and <= 60_000
            ? polling
            : throw new InvalidOperationException($"Setting '{PollingKey}' must be between 100 and 60000; it is {polling}.");
        if (configuration.GetValue<int?>(LockIdKey) is { } lockId)
        {
            options.Projections.DaemonLockId = lockId;
        }
    }
}
