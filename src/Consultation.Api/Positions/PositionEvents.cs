namespace Consultation.Positions;

/// <summary>
/// Where a position was expressed: a meeting (optionally the statement) or a written submission (<see cref="Submission"/>,
/// its slug in the process), exactly one of them, and optionally a document paragraph. Events recorded before submissions
/// existed name a meeting and have no <see cref="Submission"/> (read as null).
/// </summary>
public sealed record PositionSource(string? Meeting, string? Statement, string? DocumentReference, string? Submission = null)
{
    /// <summary>What the source is, for messages and pages: <c>meeting 'x'</c> or <c>submission 'y'</c>.</summary>
    public string Describe() => Submission is { } submission ? $"submission '{submission}'" : $"meeting '{Meeting}'";
}

/// <summary>The stakeholder's own words, in the language they were spoken.</summary>
public sealed record VerbatimQuote(string Text, string Language);

/// <summary>
/// What a position says. <see cref="Stance"/> runs from −2 (opposes) through −1 (has reservations),
/// 0 (neutral or undecided) and +1 (supports) to +2 (strongly supports). <see cref="StatedOn"/> is
/// valid time: when the stakeholder said it (recorded time is the event's timestamp).
/// </summary>
public sealed record PositionContent(
    int Stance,
    string? Conditions,
    string Summary,
    VerbatimQuote? Quote,
    PositionSource Source,
    DateOnly StatedOn);

/// <summary>
/// A stakeholder took a position on an issue. When a delegate spoke for a group, the position is
/// the group's (<see cref="Stakeholder"/>) and <see cref="SpokenBy"/> names the delegate's stakeholder.
/// </summary>
[StartsStreamOf("position")]
public sealed record PositionStated(string Key, string Process, string Issue, string Stakeholder, string? SpokenBy, PositionContent Content);

/// <summary>The stakeholder changed its position: a real shift, with the reason.</summary>
public sealed record PositionRevised(string Key, PositionContent Content, string Reason);

/// <summary>The record was wrong (typo, wrong stance, wrong meeting): not a shift, and shift views ignore it.</summary>
public sealed record PositionCorrected(string Key, PositionContent Content, string Reason);

/// <summary>The stakeholder withdrew its position; it may state one again later.</summary>
public sealed record PositionWithdrawn(string Key, PositionSource Source, DateOnly WithdrawnOn, string Reason);
