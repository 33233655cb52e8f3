namespace Consultation.Audit;

/// <summary>
/// When an append fails (a concurrent write won, a duplicate stream was refused), Marten has already reserved global
/// sequence numbers for it. So that the log has no gaps for the projection daemon to wait on, it fills them with
/// <c>tombstone</c> events on its own stream <c>mt_tombstone</c>. They carry no application data and belong to no
/// process. They stay in the global log, the exports and the hash chain (so the sequence has no unexplained gaps), each
/// labelled with <see cref="Label"/> in its <c>note</c>; <c>streamKind=reserved</c> lists only them.
/// </summary>
public static class ReservedSequences
{
    public const string StreamKey = "mt_tombstone";

    public const string Label =
        "Reserved sequence number: an append that failed (a concurrent write won, or the write was refused) had taken it. It records nothing; "
        + "the event store fills such numbers so its log has no gaps.";

    public static string? NoteFor(string streamKey) => streamKey == StreamKey ? Label : null;
}
