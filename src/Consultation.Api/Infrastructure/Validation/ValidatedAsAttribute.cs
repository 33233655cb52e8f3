namespace Consultation.Infrastructure.Validation;

/// <summary>
/// Says that a request part is validated as another type (e.g. a batch item checked with the single command's validator),
/// so the OpenAPI document can tell required fields from optional ones for it too.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ValidatedAsAttribute(Type validatedType) : Attribute
{
    public Type ValidatedType { get; } = validatedType;
}
