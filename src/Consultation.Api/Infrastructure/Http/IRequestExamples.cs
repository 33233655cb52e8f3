namespace Consultation.Infrastructure.Http;

/// <summary>
/// A module's example request bodies, one per request type (the object's own type is the body type it illustrates).
/// <see cref="OpenApiRequestExamples"/> finds every implementation in the assembly and shows each example on the operations
/// whose body binds to its type; a test checks that every operation with a body has one and that it fits the documented schema.
/// </summary>
public interface IRequestExamples
{
    IEnumerable<object> Examples { get; }
}
