using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultation.Positions;

public enum PositionStatus
{
    Standing,
    Withdrawn,
}

/// <summary>A position as the record stands now, kept inline with its stream (read-your-writes).</summary>
public sealed record PositionDetails : IVersioned
{
    /// <summary>The stream key: <c>{process}/{issue}/{stakeholder}</c>.</summary>
    public required string Id { get; init; }

    public required string Process { get; init; }

    public required string Issue { get; init; }

    public required string Stakeholder { get; init; }

    /// <summary>The delegate's stakeholder when the position was stated on behalf of this group.</summary>
    public string? SpokenBy { get; init; }

    public PositionStatus Status { get; init; }

    public int Stance { get; init; }

    public string? Conditions { get; init; }

    public required string Summary { get; init; }

    public VerbatimQuote? Quote { get; init; }

    public required PositionSource Source { get; init; }

    public DateOnly StatedOn { get; init; }

    public DateOnly? WithdrawnOn { get; init; }

    public string? WithdrawalReason { get; init; }

    /// <summary>The statement <see cref="Source"/> cites was withdrawn from the meeting's record (as of the moment read); set by the reads, not stored.</summary>
    public bool CitedStatementWithdrawn { get; init; }

    /// <summary>The written submission <see cref="Source"/> cites was withdrawn (as of the moment read); set by the reads, not stored.</summary>
    public bool CitedSubmissionWithdrawn { get; init; }

    public long Version { get; init; }

    public DateTimeOffset FirstRecordedAt { get; init; }

    public DateTimeOffset LastChangedAt { get; init; }
}

public sealed partial class PositionDetailsProjection : SingleStreamProjection<PositionDetails, string>
{
    public PositionDetails Create(IEvent<PositionStated> e) => WithContent(
        new PositionDetails
        {
            Id = e.Data.Key,
            Process = e.Data.Process,
            Issue = e.Data.Issue,
            Stakeholder = e.Data.Stakeholder,
            Summary = e.Data.Content.Summary,
            Source = e.Data.Content.Source,
            FirstRecordedAt = e.RecordedAt(),
        },
        e,
        e.Data.Content) with { SpokenBy = e.Data.SpokenBy };

    public PositionDetails Apply(IEvent<PositionStated> e, PositionDetails current) =>
        WithContent(current, e, e.Data.Content) with { SpokenBy = e.Data.SpokenBy };

    public PositionDetails Apply(IEvent<PositionRevised> e, PositionDetails current) => WithContent(current, e, e.Data.Content);

    public PositionDetails Apply(IEvent<PositionCorrected> e, PositionDetails current) => WithContent(current, e, e.Data.Content);

    public PositionDetails Apply(IEvent<PositionWithdrawn> e, PositionDetails current) => current with
    {
        Status = PositionStatus.Withdrawn,
        WithdrawnOn = e.Data.WithdrawnOn,
        WithdrawalReason = e.Data.Reason,
        Version = e.Version,
        LastChangedAt = e.RecordedAt(),
    };

    private static PositionDetails WithContent(PositionDetails current, IEvent e, PositionContent content) => current with
    {
        Status = PositionStatus.Standing,
        Stance = content.Stance,
        Conditions = content.Conditions,
        Summary = content.Summary,
        Quote = content.Quote,
        Source = content.Source,
        StatedOn = content.StatedOn,
        WithdrawnOn = null,
        WithdrawalReason = null,
        Version = e.Version,
        LastChangedAt = e.RecordedAt(),
    };
}
