using System.Globalization;

namespace Consultation.Infrastructure.Validation;

/// <summary>
/// Page numbers from 1 to <see cref="MaxPageNumber"/>: beyond it no list of the record has pages, and the rows to skip,
/// (page − 1) × page size, would overflow a 32-bit count (it did: <c>page=2147483647</c> answered 500).
/// </summary>
public static class PagingRules
{
    public const int MaxPageNumber = 100_000;

    public static readonly string PageNumberRule = $"'page' must be a whole number from 1 to {MaxPageNumber}.";

    public static IRuleBuilderOptions<T, int> PageNumber<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPageNumber).WithMessage(PageNumberRule);

    /// <summary>A page number from a query string (1 when absent); null when it is not one.</summary>
    public static int? ParsePageNumber(string? text) =>
        string.IsNullOrEmpty(text) ? 1
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPageNumber ? page
        : null;
}
