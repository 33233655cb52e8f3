namespace Consultation.Positions.Views;

/// <summary>What kind of position event wrote a row of the versions table.</summary>
public enum PositionChangeKind
{
    Stated,
    Revised,
    Corrected,
    Withdrawn,
}

/// <summary>How a valid-time version of a position ended.</summary>
public enum PositionVersionEnd
{
    /// <summary>A revision replaced it from the revision's stated-on date.</summary>
    Revised,

    /// <summary>The stakeholder withdrew the position on the withdrawal date.</summary>
    Withdrawn,
}

/// <summary>
/// One row of the bitemporal table of position versions, kept inline with the position streams by
/// <see cref="PositionVersionsProjection"/>. A row says: "from <see cref="RecordedAt"/> until
/// <see cref="SupersededAt"/> (recorded, or transaction, time) the record held that this position said
/// <see cref="Stance"/>… from <see cref="StatedOn"/> until <see cref="ValidTo"/> (valid time)".
/// <para>
/// A <em>version</em> (<see cref="Segment"/>) is opened by a statement or a revision and named by that event's
/// stream version. Rows are never updated except to close their transaction time: when a later event changes
/// what the record says about a version (a correction replaces its content, a revision or withdrawal ends its
/// validity), the row is superseded at that event's timestamp and a new row with the new knowledge is written.
/// So, for any instant <c>asOf</c>, the rows with <c>RecordedAt ≤ asOf &lt; SupersededAt</c> are exactly what the
/// record said then, one per version; and among those, the row with <c>StatedOn ≤ d &lt; ValidTo</c> is what the
/// stakeholder had said by date <c>d</c>. Both filters are plain comparisons on indexed columns.
/// </para>
/// </summary>
public sealed record PositionVersion : IStandingRow
{
    /// <summary><c>{position key}@{event version that wrote the row}/{segment}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The position stream: <c>{process}/{issue}/{stakeholder}</c>.</summary>
    public required string PositionKey { get; init; }

    public required string Process { get; init; }

    public required string Issue { get; init; }

    /// <summary>Whose position it is (a group when stated on its behalf).</summary>
    public required string Stakeholder { get; init; }

    /// <summary>The delegate's stakeholder when the position was stated on behalf of a group.</summary>
    public string? SpokenBy { get; init; }

    /// <summary>The stream version of the statement or revision that opened this valid-time version.</summary>
    public long Segment { get; init; }

    /// <summary><see cref="PositionChangeKind.Stated"/> or <see cref="PositionChangeKind.Revised"/>: what opened the version.</summary>
    public PositionChangeKind SegmentKind { get; init; }

    /// <summary>For a revision, the version it replaced (to report a shift's "from").</summary>
    public long? PreviousSegment { get; init; }

    /// <summary>The stream version of the event that wrote this row.</summary>
    public long Version { get; init; }

    /// <summary>The kind of the event that wrote this row.</summary>
    public PositionChangeKind Kind { get; init; }

    /// <summary>
    /// The stream version of the event that last set this version's content (its statement, revision or latest correction).
    /// Unlike <see cref="Version"/>, a later revision or withdrawal that only ends the version leaves it as it was. Zero on rows
    /// written before it was kept (a rebuild of the projections fills it).
    /// </summary>
    public long ContentVersion { get; init; }

    /// <summary>The kind of the event that last set this version's content: stated, revised or corrected.</summary>
    public PositionChangeKind ContentKind { get; init; }

    /// <summary>When the event that last set this version's content was recorded.</summary>
    public DateTimeOffset ContentRecordedAt { get; init; }

    public int Stance { get; init; }

    public string? Conditions { get; init; }

    public required string Summary { get; init; }

    /// <summary>The meeting the content cites; null when it cites a written submission (<see cref="Submission"/>).</summary>
    public string? Meeting { get; init; }

    public string? Statement { get; init; }

    /// <summary>The written submission the content cites (its slug in the process); null when it cites a meeting.</summary>
    public string? Submission { get; init; }

    /// <summary>Valid time, start (inclusive): when the stakeholder said it, as corrected.</summary>
    public DateOnly StatedOn { get; init; }

    /// <summary>Valid time, end (exclusive): the next revision's stated-on date or the withdrawal date; open when null.</summary>
    public DateOnly? ValidTo { get; init; }

    public PositionVersionEnd? EndedBy { get; init; }

    public DateOnly? WithdrawnOn { get; init; }

    /// <summary>The reason of the revision that opened this version (the shift's reason).</summary>
    public string? RevisionReason { get; init; }

    /// <summary>The reason of the last correction applied to this version.</summary>
    public string? CorrectionReason { get; init; }

    /// <summary>The reason given for the withdrawal that ended this version.</summary>
    public string? WithdrawalReason { get; init; }

    /// <summary>Transaction time, start (inclusive): the timestamp of the event that wrote this row.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>Transaction time, end (exclusive): the timestamp of the event that superseded this row; current when null.</summary>
    public DateTimeOffset? SupersededAt { get; init; }

    /// <summary>When the version was first recorded (the opening event's timestamp).</summary>
    public DateTimeOffset FirstRecordedAt { get; init; }

    public static string IdFor(string positionKey, long version, long segment) => $"{positionKey}@{version}/{segment}";
}
