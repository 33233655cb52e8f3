using System.Linq.Expressions;
using System.Text.Json;
using FluentValidation.Results;

namespace Consultation.Infrastructure.Batching;

/// <summary>
/// The list of a batch request (<c>items</c>): present, one to a maximum of items, and every item checked by the rules of
/// the single write it stands for, each failure keyed by the item's index and field (<c>items[3].stance</c>). All failures
/// of all items are reported at once (400).
/// </summary>
public static class BatchItems
{
    public static void AddBatchRules<TRequest, TItem>(
        this AbstractValidator<TRequest> validator,
        Expression<Func<TRequest, IReadOnlyList<TItem?>?>> items,
        int maxItems,
        string what,
        IValidator<TItem> itemRules)
        where TItem : class
    {
        var read = items.Compile();
        validator.RuleFor(items)
            .NotNull().WithMessage($"'items' lists the {what}.")
            .Must(list => list is null || list.Count > 0).WithMessage($"'items' lists the {what}; it is empty.")
            .Must(list => list is null || list.Count <= maxItems).WithMessage($"A batch holds at most {maxItems} items; split it into several batches.")
            .OverridePropertyName("items");
        validator.RuleFor(x => x)
            .Custom((request, context) => ValidateEach(read(request)!, itemRules, context))
            .When(x => read(x) is { Count: > 0 } list && list.Count <= maxItems);
    }

    private static void ValidateEach<TRequest, TItem>(IReadOnlyList<TItem?> items, IValidator<TItem> itemRules, ValidationContext<TRequest> context)
        where TItem : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                context.AddFailure(new ValidationFailure($"items[{i}]", "An item is required here."));
                continue;
            }

            foreach (var error in itemRules.Validate(item).Errors)
            {
                context.AddFailure(new ValidationFailure(
                    string.IsNullOrEmpty(error.PropertyName) ? $"items[{i}]" : $"items[{i}].{FieldName(error.PropertyName)}", error.ErrorMessage));
            }
        }
    }

    /// <summary>The field as the client named it: each segment of the path in camel case (<c>Join.JoinedOn</c> → <c>join.joinedOn</c>).</summary>
    private static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
