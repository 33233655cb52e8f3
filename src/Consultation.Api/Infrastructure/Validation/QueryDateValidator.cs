using System.Text.Json;
using FluentValidation.Validators;

namespace Consultation.Infrastructure.Validation;

/// <summary>A rule that takes text of one form, and says which (the OpenAPI document states its pattern and description).</summary>
public interface IFormatValidator
{
    /// <summary>A JSON Schema pattern of the form.</summary>
    string Pattern { get; }

    /// <summary>The form in words, for the parameter's description.</summary>
    string Description { get; }
}

/// <summary>
/// A date of a query string (<see cref="IsoDates.TryParseQueryDate"/>); null passes. Refused, it names the parameter as the
/// client wrote it (<c>statedBy</c>), says the form the dates of bodies take too, and quotes an excerpt of what came
/// (<see cref="JsonExcerpt"/>, at most 40 characters).
/// </summary>
public sealed class QueryDateValidator<T> : PropertyValidator<T, string?>, IFormatValidator
{
    public override string Name => "QueryDateValidator";

    public string Pattern => IsoDates.Pattern;

    public string Description =>
        $"{char.ToUpperInvariant(IsoDates.Expectation[0])}{IsoDates.Expectation[1..]}, which stands for the date on the clock at that offset "
        + $"(send '+' as %2B; a space there is read as '+'); from {IsoDates.Earliest:yyyy-MM-dd} to {IsoDates.Latest:yyyy-MM-dd}.";

    public override bool IsValid(ValidationContext<T> context, string? value)
    {
        if (value is null || IsoDates.IsDate(value))
        {
            return true;
        }

        context.MessageFormatter
            .AppendArgument("Parameter", string.Join('.', context.PropertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)))
            .AppendArgument("Expected", IsoDates.ExpectationFor(value))
            .AppendArgument("Got", JsonExcerpt.Of(value));
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "'{Parameter}' must be {Expected}; got '{Got}'.";
}
