using Consultation.Convergence.Summaries;

namespace Consultation.Convergence.Areas.Listing;

/// <summary>
/// One page of a process's areas, naming the moment it answers for: <see cref="AsOf"/> (recorded time) and
/// <see cref="StatedBy"/> (the areas' own dates) as asked, both null for the record now.
/// </summary>
public sealed record AreaList(IReadOnlyList<AreaSummary> Items, int PageNumber, int PageSize, long TotalItems, DateTimeOffset? AsOf, DateOnly? StatedBy)
{
    public long TotalPages => TotalItems == 0 ? 0 : (TotalItems + PageSize - 1) / PageSize;

    public static AreaList Of(Page<AreaSummary> page, DateTimeOffset? asOf, DateOnly? statedBy) =>
        new(page.Items, page.PageNumber, page.PageSize, page.TotalItems, asOf, statedBy);
}
