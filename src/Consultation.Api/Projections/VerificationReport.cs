using JasperFx.Events.Projections;

namespace Consultation.Projections;

public enum ProjectionCheckOutcome
{
    /// <summary>Every document of the live projection equals its rebuild.</summary>
    Identical,

    /// <summary>At least one document is missing, extra or different.</summary>
    Different,

    /// <summary>An async projection had not processed every event of the snapshot: not compared (it lags, it is not wrong).</summary>
    Behind,

    /// <summary>The projection could not be rebuilt from the events.</summary>
    Failed,
}

public enum DifferenceKind
{
    /// <summary>The events give a document the live projection does not have.</summary>
    MissingInLive,

    /// <summary>The live projection has a document the events do not give.</summary>
    ExtraInLive,

    /// <summary>Both have the document, with different content.</summary>
    Different,
}

/// <summary>One projection's verdict: how many documents were compared and how many differ.</summary>
public sealed record ProjectionCheck(
    string Name,
    ProjectionLifecycle Lifecycle,
    IReadOnlyList<string> DocumentTypes,
    ProjectionCheckOutcome Outcome,
    long Sequence,
    long DocumentsCompared,
    long Differences,
    string? Note);

/// <summary>A field (JSON path) whose value differs; null means the field is absent on that side.</summary>
public sealed record FieldDifference(string Path, string? Live, string? Rebuilt);

/// <summary>
/// One document that differs: which projection and document type, its id, how it differs, the differing fields
/// (for <see cref="DifferenceKind.Different"/>) and the documents themselves, shortened.
/// </summary>
public sealed record DocumentDifference(
    string Projection,
    string DocumentType,
    string Id,
    DifferenceKind Kind,
    IReadOnlyList<FieldDifference> Fields,
    string? Live,
    string? Rebuilt);

/// <summary>
/// The live projections against a rebuild from the same snapshot of the events. <see cref="Identical"/> holds when no
/// projection differs or failed to rebuild; projections <see cref="ProjectionCheckOutcome.Behind"/> are listed, not counted.
/// <see cref="Differences"/> holds the first <see cref="MaxDetailed"/>; <see cref="TotalDifferences"/> counts them all.
/// </summary>
public sealed record VerificationReport(
    bool Identical,
    long HeadSequence,
    string ScratchSchema,
    bool ScratchSchemaDropped,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<ProjectionCheck> Projections,
    long DocumentsCompared,
    long TotalDifferences,
    IReadOnlyList<DocumentDifference> Differences)
{
    public const int MaxDetailed = 1000;

    public bool DifferencesTruncated => TotalDifferences > Differences.Count;
}
