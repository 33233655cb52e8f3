namespace Consultation.Audit.Integrity;

/// <summary>
/// The state of one verification pass, fed the events and stored links sequence by sequence.
/// A hash mismatch at n is classified by looking one link further: if the stored link n still leads to
/// the stored link n+1, the link is authentic and event n changed; if the recomputed link n leads to it,
/// event n is authentic and its stored link was altered.
/// </summary>
internal sealed class ChainWalk(long chainedUpTo, long maintainedUpTo, ChainHeadRef? attested)
{
    private byte[] _recomputed = ChainLink.Genesis;
    private BrokenLink? _broken;
    private Suspect? _suspect;
    private AttestedCheck? _attested;
    private long _lastSequence;

    public long Checked { get; private set; }

    /// <summary>Nothing further can change the outcome.</summary>
    public bool Done =>
        _broken is not null && _suspect is null && (attested is null || _attested is not null || _lastSequence >= attested.Sequence);

    public void Step(long sequence, ChainedEvent? e, StoredLink? link)
    {
        var next = e is null ? null : ChainLink.Next(_recomputed, e);
        if (_suspect is not null)
        {
            _broken = Classify(_suspect, e, link);
            _suspect = null;
        }
        else if (_broken is null)
        {
            Check(sequence, e, link, next);
        }

        if (attested is not null && sequence == attested.Sequence && e is not null)
        {
            var found = ChainLink.ToHex(next!);
            var matches = string.Equals(found, attested.Hash, StringComparison.OrdinalIgnoreCase);
            _attested = new AttestedCheck(attested.Sequence, attested.Hash, matches, found, matches
                ? $"The events up to sequence {attested.Sequence} still give the attested hash: nothing up to it changed."
                : $"The events up to sequence {attested.Sequence} no longer give the attested hash: something up to it changed.");
        }

        _recomputed = next ?? _recomputed;
        _lastSequence = sequence;
    }

    public (BrokenLink? Broken, AttestedCheck? Attested) Finish()
    {
        if (_suspect is not null)
        {
            _broken = _suspect.ToBroken(BreakKind.EventChanged,
                $"Event {_suspect.StreamKey} v{_suspect.Version} at sequence {_suspect.Sequence}, the chain's last link, no longer gives its stored link: the event or the stored link changed (no later link to tell which).");
            _suspect = null;
        }

        if (attested is not null && _attested is null)
        {
            _attested = new AttestedCheck(attested.Sequence, attested.Hash, false, null,
                $"There is no event at the attested sequence {attested.Sequence} any more.");
        }

        return (_broken, _attested);
    }

    private void Check(long sequence, ChainedEvent? e, StoredLink? link, byte[]? next)
    {
        if (link is null)
        {
            if (sequence > chainedUpTo && sequence > maintainedUpTo)
            {
                return; // pending: recorded after the chain's head
            }

            _broken = new BrokenLink(sequence, e!.StreamKey, e.Version, BreakKind.EventNotChained,
                sequence <= chainedUpTo
                    ? $"Event {e.StreamKey} v{e.Version} at sequence {sequence} is not in the chain: it was inserted after this range was chained."
                    : $"Event {e.StreamKey} v{e.Version} at sequence {sequence} is not in the chain although the chain was maintained up to {maintainedUpTo}: it was inserted, or links were removed from the end of the chain.",
                null, ChainLink.ToHex(next!));
        }
        else if (e is null)
        {
            _broken = new BrokenLink(sequence, link.StreamKey, link.Version, BreakKind.EventMissing,
                $"Event {link.StreamKey} v{link.Version} was chained at sequence {sequence} but is no longer in the events table: it was deleted (or moved).",
                link.Link.Trim(), null);
        }
        else if (e.StreamKey != link.StreamKey || e.Version != link.Version)
        {
            _broken = new BrokenLink(sequence, e.StreamKey, e.Version, BreakKind.EventReplaced,
                $"Sequence {sequence} was chained for {link.StreamKey} v{link.Version} but now holds {e.StreamKey} v{e.Version}: events were reordered or replaced.",
                link.Link.Trim(), ChainLink.ToHex(next!));
        }
        else if (string.Equals(ChainLink.ToHex(next!), link.Link.Trim(), StringComparison.Ordinal))
        {
            Checked++;
        }
        else
        {
            _suspect = new Suspect(sequence, e.StreamKey, e.Version, ChainLink.FromHex(link.Link.Trim()), next!);
        }
    }

    private static BrokenLink Classify(Suspect suspect, ChainedEvent? e, StoredLink? link)
    {
        if (e is not null && link is not null && e.StreamKey == link.StreamKey && e.Version == link.Version)
        {
            var stored = link.Link.Trim();
            if (ChainLink.ToHex(ChainLink.Next(suspect.Found, e)) == stored && ChainLink.ToHex(ChainLink.Next(suspect.Expected, e)) != stored)
            {
                return suspect.ToBroken(BreakKind.LinkAltered,
                    $"The link stored for {suspect.StreamKey} v{suspect.Version} at sequence {suspect.Sequence} was altered: the event is as chained (the next link follows from it).");
            }
        }

        return suspect.ToBroken(BreakKind.EventChanged,
            $"Event {suspect.StreamKey} v{suspect.Version} at sequence {suspect.Sequence} changed since it was chained: its fields or payload no longer give its link.");
    }

    private sealed record Suspect(long Sequence, string StreamKey, long Version, byte[] Expected, byte[] Found)
    {
        public BrokenLink ToBroken(BreakKind kind, string description) =>
            new(Sequence, StreamKey, Version, kind, description, ChainLink.ToHex(Expected), ChainLink.ToHex(Found));
    }
}
