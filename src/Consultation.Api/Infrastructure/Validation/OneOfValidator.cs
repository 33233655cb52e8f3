using FluentValidation.Validators;

namespace Consultation.Infrastructure.Validation;

/// <summary>A rule that accepts only some names (for text carrying an enum), and says which (the OpenAPI document lists them).</summary>
public interface IAllowedNamesValidator
{
    IReadOnlyList<string> AllowedNames { get; }
}

/// <summary>Text naming a member of <typeparamref name="TEnum"/>, case-insensitive; numbers are refused. Null passes (pair with NotEmpty to require it).</summary>
public sealed class OneOfValidator<T, TEnum> : PropertyValidator<T, string?>, IAllowedNamesValidator
    where TEnum : struct, Enum
{
    public override string Name => "OneOfValidator";

    public IReadOnlyList<string> AllowedNames { get; } = Enum.GetNames<TEnum>();

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        value is null || Enum.TryParse<TEnum>(value, ignoreCase: true, out _) && !int.TryParse(value, out _);

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        $"'{{PropertyName}}' must be one of: {string.Join(", ", AllowedNames)}.";
}
