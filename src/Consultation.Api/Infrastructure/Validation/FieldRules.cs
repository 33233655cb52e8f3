using System.Text.Json;
using FluentValidation.Internal;
using FluentValidation.Validators;

namespace Consultation.Infrastructure.Validation;

/// <summary>What the validators demand of one field: present and not null, one of some names, at most some length, of some form.</summary>
public sealed record FieldRule(bool Required, IReadOnlyList<string>? AllowedNames, int? MaxLength, IFormatValidator? Format = null)
{
    public static readonly FieldRule None = new(false, null, null);

    public FieldRule And(FieldRule other) => new(
        Required || other.Required,
        AllowedNames ?? other.AllowedNames,
        MaxLength is { } mine && other.MaxLength is { } theirs ? Math.Min(mine, theirs) : MaxLength ?? other.MaxLength,
        Format ?? other.Format);
}

/// <summary>
/// Reads FluentValidation validators into <see cref="FieldRule"/>s keyed by the field's JSON path (camelCase, dotted for
/// nested fields such as <c>venue.city</c>). A field is required when a rule demands it (NotNull, NotEmpty) without a
/// condition; for a nested field, a condition is taken as the guard "when its parent is given", which is what JSON Schema's
/// <c>required</c> of the nested object means. Rules over each element of a collection do not make the collection required.
/// </summary>
public static class FieldRules
{
    public static IReadOnlyDictionary<string, FieldRule> Of(IEnumerable<IValidator> validators)
    {
        var rules = new Dictionary<string, FieldRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in validators.SelectMany(v => v.CreateDescriptor().Rules))
        {
            if (string.IsNullOrEmpty(rule.PropertyName) || IsForEachElement(rule) || rule.RuleSets is { Length: > 0 } sets && !sets.Contains("default"))
            {
                continue;
            }

            var path = string.Join('.', rule.PropertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            var nested = path.Contains('.', StringComparison.Ordinal);
            var ruleIsConditional = rule.HasCondition || rule.HasAsyncCondition; // inside When(…, () => …) or Otherwise
            var field = FieldRule.None;
            foreach (var component in rule.Components)
            {
                var unconditional = nested || !ruleIsConditional && !component.HasCondition && !component.HasAsyncCondition;
                field = field.And(component.Validator switch
                {
                    INotNullValidator or INotEmptyValidator when unconditional => new FieldRule(true, null, null),
                    IAllowedNamesValidator names => new FieldRule(false, names.AllowedNames, null),
                    IFormatValidator format => new FieldRule(false, null, null, format),
                    ILengthValidator { Min: 0, Max: > 0 } length when unconditional => new FieldRule(false, null, length.Max),
                    _ => FieldRule.None,
                });
            }

            rules[path] = rules.TryGetValue(path, out var known) ? known.And(field) : field;
        }

        return rules;
    }

    private static bool IsForEachElement(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
}
