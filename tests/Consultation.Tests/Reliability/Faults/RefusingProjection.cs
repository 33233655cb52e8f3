using Consultation.Stakeholders;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten.Events.Projections;

namespace Consultation.Tests.Reliability.Faults;

/// <summary>
/// A test-only async projection with a bug: it cannot apply the registration of a stakeholder whose name contains
/// <see cref="PoisonMarker"/>, as a projection breaks on data its code never expected. It records every other registration
/// it applies as a <see cref="SeenRegistration"/> document, so a test can tell whether later events were applied.
/// </summary>
public sealed class RefusingProjection : IProjection
{
    public const string Name = "RefusingProjection";
    public const string PoisonMarker = "POISON";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            if (e.Data is not StakeholderRegistered registered)
            {
                continue;
            }

            if (registered.Name.Contains(PoisonMarker, StringComparison.Ordinal))
            {
                // Wrapped as the generated Apply/Project dispatch of a real projection wraps a failure, naming the event.
                throw new ApplyEventException(e, new InvalidOperationException($"This projection cannot apply the registration of '{registered.Key}'."));
            }

            operations.Store(new SeenRegistration { Id = registered.Key, Sequence = e.Sequence });
        }

        return Task.CompletedTask;
    }
}

public sealed class SeenRegistration
{
    public required string Id { get; init; }

    public long Sequence { get; init; }
}
