namespace Consultation.Audit;

/// <summary>
/// When an append fails (a concurrent write won, a duplicate stream was refused), Marten has already reserved global
/// sequence numbers for it. So that the log has no gaps for the projection daemon to wait on, it fills them with
/// <c>tombstone</c> events on its own stream <c>mt_tombstone</c>. They carry no application data and belong to no
/// process; auditors see them in the global log and the hash chain, and can list them with <c>streamKind=reserved</c>.
/// </summary>
public static class ReservedSequences
{
    public const string StreamKey = "mt_tombstone";
}
