using Consultation.Processes;
using Marten.Services.BatchQuerying;

namespace Consultation.Convergence.Measuring;

/// <summary>
/// What an issue's measure needs of its process: that both exist, and the issue's title. Selected in the database: a large
/// process's document lists hundreds of issues (hundreds of kilobytes), read for one title.
/// </summary>
public sealed class IssueHeading
{
    public string Process { get; init; } = string.Empty;

    public string? Title { get; init; }

    /// <summary>The heading, enlisted in <paramref name="batch"/>; no row when the process is unknown, no title when the issue is.</summary>
    public static Func<Task<IssueHeading>> Enlist(IBatchedQuery batch, IDocumentStore store, string process, string issue)
    {
        var rows = batch.Query<IssueHeading>(ConvergenceSql.IssueHeading(store), issue, process);
        return async () =>
        {
            var heading = (await rows).SingleOrDefault() ?? throw new StreamNotFound("Process", process);
            return heading.Title is null ? throw new StreamNotFound("Issue", $"{process}/{issue}") : heading;
        };
    }
}
