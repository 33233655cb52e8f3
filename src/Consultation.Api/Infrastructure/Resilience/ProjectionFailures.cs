using JasperFx;
using JasperFx.Events.Daemon;

namespace Consultation.Infrastructure.Resilience;

/// <summary>An async projection (or subscription) shard the daemon stopped after an error, and the event it could not apply.</summary>
public sealed record PausedProjection(
    string Projection,
    string Shard,
    string Status,
    long Sequence,
    DateTimeOffset? PausedAt,
    string? Category,
    bool Transient,
    string? Error,
    string? ErrorType,
    long? FailedEventSequence,
    string? FailedEventType,
    string? FailedEventStream,
    long? FailedEventVersion)
{
    public string Describe() =>
        $"'{Projection}' is {Status.ToLowerInvariant()} at sequence {Sequence}"
        + (FailedEventSequence is { } failed ? $" after it could not apply event {failed} ({FailedEventType} on '{FailedEventStream}')" : string.Empty)
        + (Error is null ? "." : $": {Error}");
}

/// <summary>Reads which shards of the async daemon are paused or stopped, and why, from the running daemon.</summary>
public static class ProjectionFailures
{
    public static IReadOnlyList<PausedProjection> Paused(IProjectionDaemon daemon) =>
        daemon.CurrentAgents()
            .Where(a => a.Status is AgentStatus.Paused or AgentStatus.Stopped)
            .Select(a =>
            {
                var failure = a.Failure;
                var failed = failure?.Event;
                return new PausedProjection(
                    a.Name.Name,
                    a.Name.Identity,
                    a.Status.ToString(),
                    a.Position,
                    a.PausedTime,
                    failure?.Category.ToString(),
                    failure?.IsTransient ?? false,
                    failure?.Message,
                    failure?.RootExceptionType,
                    failed?.Sequence,
                    failed?.EventTypeName,
                    failed?.StreamKey ?? failed?.StreamId?.ToString(),
                    failed?.Version);
            })
            .OrderBy(p => p.Shard, StringComparer.Ordinal)
            .ToList();
}
