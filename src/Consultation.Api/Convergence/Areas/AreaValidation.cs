namespace Consultation.Convergence.Areas;

/// <summary>Validation rules the area slices share.</summary>
public static class AreaValidation
{
    /// <summary>A required list of 1 to <paramref name="max"/> issue keys, each listed once.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string?>?> IssueKeys<T>(this IRuleBuilder<T, IReadOnlyList<string?>?> rule, int max, string what) =>
        rule.NotEmpty().WithMessage($"{what} at least one issue.")
            .Must(i => i is null || i.Count <= max).WithMessage($"{what} at most {max} issues.")
            .Must(i => i is null || i.Distinct().Count() == i.Count).WithMessage("An issue is listed only once.");
}
