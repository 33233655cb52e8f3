namespace Consultation.Infrastructure.EventStore;

/// <summary>What a command handler reports: the stream it wrote and the version it is now at.</summary>
public sealed record StreamWritten(string Key, long Version);
