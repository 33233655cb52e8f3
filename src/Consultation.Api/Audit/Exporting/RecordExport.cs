namespace Consultation.Audit.Exporting;

/// <summary>Records an export on the audit stream, through the pipeline, so who exported is stamped like every write.</summary>
public static class RecordExport
{
    public const string StreamKey = "audit:exports";

    public sealed record Command(AuditExported Export) : ICommand<StreamWritten>;

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var action = session.Events.Append(StreamKey, command.Export);
            await session.SaveChangesAsync(cancellationToken);
            return new StreamWritten(StreamKey, action.Version);
        }
    }
}
