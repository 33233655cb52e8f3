using System.Collections.Concurrent;
using FluentValidation.Results;

namespace Consultation.Infrastructure.Pipeline;

/// <summary>
/// Runs every FluentValidation validator of a message before its handler, then those of the request it was made from
/// (<see cref="IFromRequest{TRequest}"/>); failures become HTTP 400.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators, IServiceProvider services)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (message is IFromRequest<object> { Request: var request })
        {
            var validatorType = ValidatorTypes.GetOrAdd(request.GetType(), type => typeof(IValidator<>).MakeGenericType(type));
            foreach (var validator in services.GetServices(validatorType).OfType<IValidator>())
            {
                var result = await validator.ValidateAsync(new ValidationContext<object>(request), cancellationToken);
                failures.AddRange(result.Errors);
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
