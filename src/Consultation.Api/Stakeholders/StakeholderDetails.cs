using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultation.Stakeholders;

/// <summary>Read model of one stakeholder, kept inline with its stream (read-your-writes).</summary>
public sealed record StakeholderDetails
{
    public required string Id { get; init; }

    public required StakeholderKind Kind { get; init; }

    public required string Name { get; init; }

    public string? IsoCode { get; init; }

    public RegionalGroup? RegionalGroup { get; init; }

    /// <summary>The stream version; also the ETag to send back in If-Match.</summary>
    public long Version { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset LastChangedAt { get; init; }
}

public sealed partial class StakeholderDetailsProjection : SingleStreamProjection<StakeholderDetails, string>
{
    public StakeholderDetails Create(IEvent<StakeholderRegistered> e) => new()
    {
        Id = e.Data.Key,
        Kind = e.Data.Kind,
        Name = e.Data.Name,
        IsoCode = e.Data.IsoCode,
        RegionalGroup = e.Data.RegionalGroup,
        Version = e.Version,
        RegisteredAt = e.Timestamp,
        LastChangedAt = e.Timestamp,
    };

    public StakeholderDetails Apply(IEvent<StakeholderRenamed> e, StakeholderDetails current) =>
        current with { Name = e.Data.Name, Version = e.Version, LastChangedAt = e.Timestamp };
}
