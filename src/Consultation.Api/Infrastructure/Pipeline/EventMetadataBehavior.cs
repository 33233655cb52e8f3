namespace Consultation.Infrastructure.Pipeline;

/// <summary>
/// Stamps who and why on every event a command appends: user name, correlation id (the request's),
/// causation id (this command's own id) and the command, the role it was used in and the user's display name as headers.
/// </summary>
public sealed class EventMetadataBehavior<TMessage, TResponse>(IDocumentSession session, RequestContext context)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    // Slices nest their command in a class named for the use case: RegisterStakeholder.Command → "RegisterStakeholder".
    private static readonly string CommandName = typeof(TMessage).DeclaringType?.Name ?? typeof(TMessage).Name;

    public ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        session.CorrelationId = context.CorrelationId;
        session.CausationId = Guid.NewGuid().ToString("N");
        session.LastModifiedBy = context.UserName;
        session.SetHeader(EventHeaders.Command, CommandName);
        session.SetHeader(EventHeaders.Role, context.Role);
        session.SetHeader(EventHeaders.DisplayName, context.DisplayName);
        return next(message, cancellationToken);
    }
}
