namespace Consultation.Infrastructure.Http;

/// <summary>One page of a longer list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long TotalItems)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public long TotalPages => TotalItems == 0 ? 0 : (TotalItems + PageSize - 1) / PageSize;
}
