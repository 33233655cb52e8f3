namespace Consultation.Convergence.Measuring.Grouping;

/// <summary>The <c>grouping</c> parameter of the convergence reads, and how it is described.</summary>
public static class GroupingRules
{
    public const string Description = "grouping (optional): the grouping basis to measure across instead of the process's own — "
        + "regional-groups, kinds, or a grouping the process defined (GET …/convergence-settings lists them); the answer names the basis it used "
        + "(measure.grouping). Unknown → 400.";

    /// <summary>A grouping's name when given: a slug (the process's names are slugs; the built-in ones too).</summary>
    public static IRuleBuilderOptions<T, string?> GroupingName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || StreamKeys.IsSlug(value))
            .WithMessage($"'{{PropertyName}}' must name a grouping: {StreamKeys.SlugRule}, at most {StreamKeys.MaxSlugLength} characters.");
}
