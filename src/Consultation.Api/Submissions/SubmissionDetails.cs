using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultation.Submissions;

/// <summary>The record of one written submission as it stands, with every change, kept inline with its stream.</summary>
public sealed record SubmissionDetails : IVersioned
{
    /// <summary>The stream key: <c>{process}/submission:{submission}</c>.</summary>
    public required string Id { get; init; }

    public required string Process { get; init; }

    /// <summary>The submission's own slug within the process.</summary>
    public required string Submission { get; init; }

    /// <summary>The stakeholder that sent it.</summary>
    public required string From { get; init; }

    /// <summary>The group it was sent on behalf of, if any.</summary>
    public string? OnBehalfOf { get; init; }

    public DateOnly ReceivedOn { get; init; }

    public IReadOnlyList<string> Issues { get; init; } = [];

    public SubmissionChannel Channel { get; init; }

    public required string Title { get; init; }

    public string? DocumentReference { get; init; }

    public string? Link { get; init; }

    public required string Language { get; init; }

    /// <summary>Withdrawn from the record (it stays here, with its history); the reason is the last entry of <see cref="History"/>.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>How the submission was recorded, corrected and withdrawn, oldest first.</summary>
    public IReadOnlyList<SubmissionChangeDetails> History { get; init; } = [];

    /// <summary>The stream version; also the ETag to send back in If-Match.</summary>
    public long Version { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public DateTimeOffset LastChangedAt { get; init; }
}

public enum SubmissionChange
{
    Recorded,
    Corrected,
    Withdrawn,
}

/// <summary>One change of a submission: its content after it (none for a withdrawal), the reason (none for the recording), when.</summary>
public sealed record SubmissionChangeDetails(SubmissionChange Change, SubmissionContent? Content, string? Reason, DateTimeOffset RecordedAt);

public sealed partial class SubmissionDetailsProjection : SingleStreamProjection<SubmissionDetails, string>
{
    public SubmissionDetails Create(IEvent<SubmissionRecorded> e) => WithContent(
        new SubmissionDetails
        {
            Id = e.Data.Key,
            Process = e.Data.Process,
            Submission = e.Data.Submission,
            From = e.Data.Content.From,
            Title = e.Data.Content.Title,
            Language = e.Data.Content.Language,
            RecordedAt = e.RecordedAt(),
            History = [new SubmissionChangeDetails(SubmissionChange.Recorded, e.Data.Content, null, e.RecordedAt())],
        },
        e,
        e.Data.Content);

    public SubmissionDetails Apply(IEvent<SubmissionCorrected> e, SubmissionDetails current) =>
        WithContent(current, e, e.Data.Content) with
        {
            History = [.. current.History, new SubmissionChangeDetails(SubmissionChange.Corrected, e.Data.Content, e.Data.Reason, e.RecordedAt())],
        };

    public SubmissionDetails Apply(IEvent<SubmissionWithdrawn> e, SubmissionDetails current) => current with
    {
        Withdrawn = true,
        History = [.. current.History, new SubmissionChangeDetails(SubmissionChange.Withdrawn, null, e.Data.Reason, e.RecordedAt())],
        Version = e.Version,
        LastChangedAt = e.RecordedAt(),
    };

    private static SubmissionDetails WithContent(SubmissionDetails current, IEvent e, SubmissionContent content) => current with
    {
        From = content.From,
        OnBehalfOf = content.OnBehalfOf,
        ReceivedOn = content.ReceivedOn,
        Issues = content.Issues,
        Channel = content.Channel,
        Title = content.Title,
        DocumentReference = content.DocumentReference,
        Link = content.Link,
        Language = content.Language,
        Version = e.Version,
        LastChangedAt = e.RecordedAt(),
    };
}
