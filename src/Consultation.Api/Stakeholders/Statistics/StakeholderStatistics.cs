using JasperFx.Events;
using Marten.Events.Projections;

namespace Consultation.Stakeholders.Statistics;

/// <summary>How many stakeholders are registered, by kind and by regional group, kept by the async daemon.</summary>
public sealed record StakeholderStatistics
{
    public const string SingletonId = "registry";

    public string Id { get; init; } = SingletonId;

    public int Total { get; init; }

    public Dictionary<StakeholderKind, int> ByKind { get; init; } = [];

    public Dictionary<RegionalGroup, int> ByRegionalGroup { get; init; } = [];

    /// <summary>Global sequence of the last event counted: how far the summary has caught up.</summary>
    public long LastSequence { get; init; }
}

public sealed partial class StakeholderStatisticsProjection : MultiStreamProjection<StakeholderStatistics, string>
{
    public StakeholderStatisticsProjection()
    {
        Identity<StakeholderRegistered>(_ => StakeholderStatistics.SingletonId);
    }

    public StakeholderStatistics Apply(IEvent<StakeholderRegistered> e, StakeholderStatistics current)
    {
        var byKind = new Dictionary<StakeholderKind, int>(current.ByKind);
        byKind[e.Data.Kind] = byKind.GetValueOrDefault(e.Data.Kind) + 1;
        var byGroup = new Dictionary<RegionalGroup, int>(current.ByRegionalGroup);
        if (e.Data.RegionalGroup is { } group)
        {
            byGroup[group] = byGroup.GetValueOrDefault(group) + 1;
        }

        return current with { Total = current.Total + 1, ByKind = byKind, ByRegionalGroup = byGroup, LastSequence = e.Sequence };
    }
}

public static class GetStakeholderStatistics
{
    public sealed record Query : IQuery<StakeholderStatistics>;

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, StakeholderStatistics>
    {
        public async ValueTask<StakeholderStatistics> Handle(Query query, CancellationToken cancellationToken) =>
            await session.LoadAsync<StakeholderStatistics>(StakeholderStatistics.SingletonId, cancellationToken) ?? new StakeholderStatistics();
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/stakeholders/statistics", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(), ct)))
            .WithName("GetStakeholderStatistics")
            .WithSummary("Count stakeholders by kind and regional group")
            .WithDescription("Kept by the asynchronous projection daemon: it may trail the latest registrations by a moment; lastSequence tells how far it has caught up.");
}
