using Consultation.Infrastructure.Security;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultation.Stakeholders;

/// <summary>Read model of one stakeholder, kept inline with its stream (read-your-writes).</summary>
public sealed record StakeholderDetails : IVersioned
{
    public required string Id { get; init; }

    public required StakeholderKind Kind { get; init; }

    public required string Name { get; init; }

    public string? IsoCode { get; init; }

    public RegionalGroup? RegionalGroup { get; init; }

    /// <summary>The stream version; also the ETag to send back in If-Match.</summary>
    public long Version { get; init; }

    /// <summary>Every period of membership in a group or bloc, in the order recorded; a rejoined group appears once per period.</summary>
    public IReadOnlyList<GroupMembershipPeriod> Groups { get; init; } = [];

    /// <summary>Every period of accreditation to a process, in the order recorded; an ended one says when and why it ended.</summary>
    public IReadOnlyList<ProcessAccreditation> Accreditations { get; init; } = [];

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset LastChangedAt { get; init; }

    /// <summary>
    /// The record as a reader of <paramref name="scope"/> may see it: the registry is shared, but accreditations to
    /// processes the reader is not assigned to are theirs to know, not this reader's.
    /// </summary>
    public StakeholderDetails VisibleTo(ProcessScope scope) =>
        scope.IsEverything ? this : this with { Accreditations = [.. Accreditations.Where(a => scope.Includes(a.Process))] };
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
        RegisteredAt = e.RecordedAt(),
        LastChangedAt = e.RecordedAt(),
    };

    public StakeholderDetails Apply(IEvent<StakeholderRenamed> e, StakeholderDetails current) =>
        Touch(e, current) with { Name = e.Data.Name };

    public StakeholderDetails Apply(IEvent<StakeholderJoinedGroup> e, StakeholderDetails current) =>
        Touch(e, current) with { Groups = [.. current.Groups, new GroupMembershipPeriod(e.Data.GroupKey, e.Data.JoinedOn, null)] };

    public StakeholderDetails Apply(IEvent<StakeholderLeftGroup> e, StakeholderDetails current) =>
        Touch(e, current) with
        {
            Groups = [.. current.Groups.Select(g => g.Group == e.Data.GroupKey && g.IsCurrent ? g with { LeftOn = e.Data.LeftOn } : g)],
        };

    public StakeholderDetails Apply(IEvent<StakeholderAccredited> e, StakeholderDetails current) =>
        Touch(e, current) with { Accreditations = [.. current.Accreditations, new ProcessAccreditation(e.Data.ProcessKey, e.Data.AccreditedOn)] };

    public StakeholderDetails Apply(IEvent<StakeholderAccreditationEnded> e, StakeholderDetails current) =>
        Touch(e, current) with
        {
            Accreditations = [.. current.Accreditations.Select(a => a.Process == e.Data.ProcessKey && a.IsCurrent ? a with { EndedOn = e.Data.EndedOn, EndReason = e.Data.Reason } : a)],
        };

    private static StakeholderDetails Touch(IEvent e, StakeholderDetails current) =>
        current with { Version = e.Version, LastChangedAt = e.RecordedAt() };
}
