namespace Consultation.Convergence.Areas;

/// <summary>An area in a list: what a dashboard shows beside the measures, without the histories.</summary>
public sealed record AreaSummary
{
    /// <summary>The stream key, <c>{process}/area:{area}</c>.</summary>
    public required string Id { get; init; }

    public required string Process { get; init; }

    public required string Area { get; init; }

    public required string Title { get; init; }

    public AreaStatus Status { get; init; }

    /// <summary>The issues the area covers now.</summary>
    public IReadOnlyList<string> Issues { get; init; } = [];

    public required string IdentifiedAt { get; init; }

    public DateOnly IdentifiedOn { get; init; }

    public int DivergenceCount { get; init; }

    public long Version { get; init; }
}

/// <summary>
/// The areas of convergence of a process in the order they were identified (day, then key), answered by the database from
/// the inline <see cref="AreaDetails"/> documents. For lists and for the convergence measures and dashboard.
/// </summary>
public sealed class AreasOfProcess(IQuerySession session)
{
    /// <summary>The areas of <paramref name="process"/> (dissolved ones included), as a query to filter further.</summary>
    public IQueryable<AreaDetails> Of(string process) => session.Query<AreaDetails>().Where(x => x.Process == process);

    /// <summary>
    /// All areas of <paramref name="process"/> with the issues each covers now, in stable order; dissolved ones only when
    /// <paramref name="includeDissolved"/>.
    /// </summary>
    public async Task<IReadOnlyList<AreaSummary>> WithIssuesAsync(string process, bool includeDissolved, CancellationToken cancellationToken)
    {
        var areas = Of(process);
        if (!includeDissolved)
        {
            areas = areas.Where(x => x.Status != AreaStatus.Dissolved);
        }

        return Summaries(await InStableOrder(areas).ToListAsync(cancellationToken));
    }

    /// <summary>One page of <paramref name="areas"/>, in stable order.</summary>
    public static async Task<Page<AreaSummary>> PageAsync(IQueryable<AreaDetails> areas, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await areas.CountAsync(cancellationToken);
        var items = await InStableOrder(areas).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<AreaSummary>(Summaries(items), page, pageSize, total);
    }

    /// <summary>One page of areas already read and in stable order (a past state, folded from events).</summary>
    public static Page<AreaSummary> PageOf(IReadOnlyList<AreaDetails> areas, int page, int pageSize) =>
        new(Summaries(areas.Skip((page - 1) * pageSize).Take(pageSize)), page, pageSize, areas.Count);

    public static IQueryable<AreaDetails> InStableOrder(IQueryable<AreaDetails> areas) =>
        areas.OrderBy(x => x.IdentifiedOn).ThenBy(x => x.Id);

    private static AreaSummary[] Summaries(IEnumerable<AreaDetails> areas) =>
    [
        .. areas.Select(x => new AreaSummary
        {
            Id = x.Id,
            Process = x.Process,
            Area = x.Area,
            Title = x.Title,
            Status = x.Status,
            Issues = x.Issues,
            IdentifiedAt = x.IdentifiedAt,
            IdentifiedOn = x.IdentifiedOn,
            DivergenceCount = x.Divergences.Count,
            Version = x.Version,
        }),
    ];
}
