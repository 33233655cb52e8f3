namespace Consultation.Audit.Integrity;

/// <summary>What is wrong at the first broken link.</summary>
public enum BreakKind
{
    /// <summary>The event's stored fields or payload no longer give the link that was chained for it.</summary>
    EventChanged,

    /// <summary>The event is as chained, but the link stored for it was altered.</summary>
    LinkAltered,

    /// <summary>A chained event is no longer in the events table (deleted, or its sequence changed).</summary>
    EventMissing,

    /// <summary>An event sits where the chain has no link: inserted after its range was chained (or links were removed).</summary>
    EventNotChained,

    /// <summary>A different event sits at a chained sequence (stream or version differ): events were reordered or replaced.</summary>
    EventReplaced,
}

/// <summary>The first link that does not verify. Hashes are hex: expected is the stored link, found is the link recomputed from the events as they are now.</summary>
public sealed record BrokenLink(long Sequence, string StreamKey, long Version, BreakKind Kind, string Description, string? ExpectedHash, string? FoundHash);

/// <summary>A link of the chain: the global sequence it covers and the hash there.</summary>
public sealed record ChainHeadRef(long Sequence, string Hash);

/// <summary>The result of checking an attested head (recorded outside the system) against the events as they are now.</summary>
public sealed record AttestedCheck(long Sequence, string Hash, bool Matches, string? FoundHash, string Description);

/// <summary>
/// The outcome of recomputing the chain: <see cref="Checked"/> links verified before the first break (all of them when intact),
/// <see cref="Pending"/> events recorded after the chain's head and not chained yet (not an error). Beside the chain,
/// <see cref="StreamsMixingKinds"/> lists records of one kind written into another's stream (the first
/// <see cref="Infrastructure.EventStore.StreamsMixingKinds.Limit"/>), which the chain covers faithfully and so cannot tell.
/// </summary>
public sealed record ChainVerification(
    bool Intact, long Checked, ChainHeadRef? Head, long Pending, BrokenLink? FirstBroken, AttestedCheck? Attested, IReadOnlyList<MixedStream> StreamsMixingKinds)
{
    /// <summary>No stream holds records of more than one kind.</summary>
    public bool KindsApart => StreamsMixingKinds.Count == 0;
}
