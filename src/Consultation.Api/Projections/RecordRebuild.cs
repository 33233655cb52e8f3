namespace Consultation.Projections;

/// <summary>Records a finished rebuild on the audit stream, through the pipeline, so who asked for it is stamped like every write.</summary>
public static class RecordRebuild
{
    public const string StreamKey = "audit:rebuilds";

    public sealed record Command(ProjectionsRebuilt Rebuild) : ICommand<StreamWritten>;

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var action = session.Events.Append(StreamKey, command.Rebuild);
            await session.SaveChangesAsync(cancellationToken);
            return new StreamWritten(StreamKey, action.Version);
        }
    }
}
