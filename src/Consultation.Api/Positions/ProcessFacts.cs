using Consultation.Processes;
using Marten.Services.BatchQuerying;

namespace Consultation.Positions;

/// <summary>What the position rules need of a process: whether it still takes positions, and the status of the issues a write touches.</summary>
public sealed record ProcessFacts(string Key, ProcessStatus Status, IReadOnlyDictionary<string, IssueStatus> Issues)
{
    /// <summary>The day the process began: no position cited to a submission is dated before it.</summary>
    public DateOnly StartsOn { get; init; }

    public static ProcessFacts From(ProcessDetails details) =>
        new(details.Id, details.Status, details.Issues.ToDictionary(i => i.Key, i => i.Status)) { StartsOn = details.StartsOn };

    /// <summary>
    /// The process's status and one issue's, selected in the database and enlisted in <paramref name="batch"/>: a large
    /// process's document lists hundreds of issues, which a write of one position would otherwise read and deserialize.
    /// The document is taken apart once (<see cref="PositionsSql.SelectProcessFacts"/>).
    /// </summary>
    public static Func<Task<ProcessFacts?>> Enlist(IBatchedQuery batch, IDocumentStore store, string process, string issue)
    {
        var rows = batch.Query<Row>(
            PositionsSql.SelectProcessFacts(store),
            issue,
            process);
        return async () => (await rows).SingleOrDefault() is { } row
            ? new ProcessFacts(row.Key, row.Status, row.IssueStatus is { } status ? new Dictionary<string, IssueStatus> { [issue] = status } : []) { StartsOn = row.StartsOn }
            : null;
    }

    internal sealed class Row
    {
        public string Key { get; init; } = string.Empty;

        public ProcessStatus Status { get; init; }

        public DateOnly StartsOn { get; init; }

        public IssueStatus? IssueStatus { get; init; }
    }
}
