using System.Collections.Concurrent;
using System.Reflection;
using Consultation.Infrastructure.Errors;

namespace Consultation.Infrastructure.Pipeline;

/// <summary>
/// Every process a message names — wherever the request carried it: path, query, body — must be one of the user's
/// (<see cref="RequestContext.Processes"/>), else 403. The route-level check sees only path and query; this one sees
/// what reached the command or query, so a process named in a body cannot slip past. A message names a process by a
/// string property called <c>Process</c> or one marked <see cref="NamesProcessAttribute"/>, on itself or on the request it
/// was made from (<see cref="IFromRequest{TRequest}"/>), and every process a batch's items name (<see cref="INamesProcesses"/>).
/// </summary>
public sealed class ProcessScopeBehavior<TMessage, TResponse>(RequestContext context)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var scope = context.Processes;
        if (!scope.IsEverything)
        {
            Check(message, scope);
            if (message is IFromRequest<object> { Request: var request })
            {
                Check(request, scope);
            }

            if (message is INamesProcesses named)
            {
                foreach (var process in named.NamedProcesses.Where(p => p.Length > 0 && !scope.Includes(p)))
                {
                    throw new OutsideProcessScope(process, scope);
                }
            }
        }

        return next(message, cancellationToken);
    }

    private static void Check(object named, Security.ProcessScope scope)
    {
        foreach (var property in ProcessProperties.Of(named.GetType()))
        {
            if (property.GetValue(named) is string { Length: > 0 } process && !scope.Includes(process))
            {
                throw new OutsideProcessScope(process, scope);
            }
        }
    }
}

/// <summary>The properties of a message type that name a process, found once per type.</summary>
public static class ProcessProperties
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Found = new();

    public static IReadOnlyList<PropertyInfo> Of(Type message) => Found.GetOrAdd(message, type =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)
            .Where(p => p.Name == "Process" || p.GetCustomAttribute<NamesProcessAttribute>() is not null)]);
}
