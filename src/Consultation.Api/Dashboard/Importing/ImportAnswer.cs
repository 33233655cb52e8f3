using Consultation.Imports;

namespace Consultation.Dashboard.Importing;

/// <summary>
/// What the import page shows: the form alone (<see cref="Result"/> and <see cref="Problem"/> null), a dry run's or a
/// commit's answer, or why nothing could be checked or written.
/// </summary>
public sealed record ImportAnswer
{
    public required string Process { get; init; }

    public string? ProcessTitle { get; init; }

    /// <summary>The HTTP status the page answers with.</summary>
    public int Status { get; init; } = StatusCodes.Status200OK;

    /// <summary>The file the answer is about, as the user named it.</summary>
    public string? FileName { get; init; }

    public ImportSpreadsheet.Result? Result { get; init; }

    /// <summary>The rows' errors, by <c>sheet!row:column</c>: the result's, or those a refused commit answered with.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Why the file could not be checked or written at all (no file, not a spreadsheet, too large, the process concluded…).</summary>
    public string? Problem { get; init; }

    /// <summary>The commit answered by an earlier submission of the same commit form: when that was.</summary>
    public DateTimeOffset? ImportedBefore { get; init; }

    /// <summary>Offered after a dry run that found nothing wrong and something to write.</summary>
    public CommitOffer? Commit { get; init; }

    public string Path => ImportPageEndpoints.PathOf(Process);
}

/// <summary>
/// The commit form a clean dry run offers: its key (a second submission of the form writes nothing again), the digest
/// of the file checked (the commit must send the same bytes) and, for a small file, the file itself.
/// </summary>
public sealed record CommitOffer(string Key, string Sha256, string FileName, string ContentType, string? CarriedContent);
