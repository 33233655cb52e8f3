namespace Consultation.Infrastructure.Validation;

/// <summary>
/// A command made from a client's <see cref="Request"/>: the body as sent, every field nullable. The pipeline validates the
/// request with its own validators (error keys are its fields as the client named them) before the handler runs, so the
/// command's other properties read the fields the validators guarantee as non-nullable (see the README beside this file).
/// </summary>
public interface IFromRequest<out TRequest>
    where TRequest : class
{
    TRequest Request { get; }
}
