namespace Consultation.Tests.Reliability.Soak;

/// <summary>
/// A write the service answered 2xx: which position, the version the clerk had read (0: none yet), the unique text
/// the write carried, and the version the answer's ETag named (a concurrent write may already follow it).
/// </summary>
public sealed record Acknowledgement(string Position, long ReadVersion, string Kind, string Marker, long AnsweredVersion)
{
    /// <summary>Written on top of what the clerk read: the event must be the very next version.</summary>
    public long ExpectedVersion => ReadVersion + 1;
}
