namespace Consultation.Submissions;

/// <summary>How a written submission reached the secretariat.</summary>
public enum SubmissionChannel
{
    Letter,
    Email,
    OnlineForm,
    Survey,
    Document,
    Other,
}

/// <summary>
/// What a written submission is: who sent it (<see cref="From"/>, a registered stakeholder), possibly on behalf of a group it was
/// a member of, when it was received, the issues of the process it addresses, how it came, its title, where to find it (a
/// document reference, a link) and its language (ISO 639-1).
/// </summary>
public sealed record SubmissionContent(
    string From,
    string? OnBehalfOf,
    DateOnly ReceivedOn,
    IReadOnlyList<string> Issues,
    SubmissionChannel Channel,
    string Title,
    string? DocumentReference,
    string? Link,
    string Language)
{
    /// <summary>Field by field, the issues by their items (a record compares lists by reference).</summary>
    public bool SameAs(SubmissionContent other) => this with { Issues = other.Issues } == other && Issues.SequenceEqual(other.Issues);
}

/// <summary>A written submission to a process was received and recorded. <see cref="Key"/> is the stream key <c>{process}/submission:{submission}</c>.</summary>
[StartsStreamOf("submission")]
public sealed record SubmissionRecorded(string Key, string Process, string Submission, SubmissionContent Content);

/// <summary>How the submission was recorded was wrong (a recording mistake); <see cref="Content"/> is the whole corrected record.</summary>
public sealed record SubmissionCorrected(string Key, SubmissionContent Content, string Reason);

/// <summary>
/// The submission was withdrawn from the record (sent in error, retracted by its sender, recorded twice), for a reason; it stays
/// in the history, marked withdrawn, and no position newly cites it.
/// </summary>
public sealed record SubmissionWithdrawn(string Key, string Reason);
