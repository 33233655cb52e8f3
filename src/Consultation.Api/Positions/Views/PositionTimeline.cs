namespace Consultation.Positions.Views;

/// <summary>
/// The pure fold behind the versions table: given the current rows of one position stream (those not yet
/// superseded) and the next event, which rows are superseded and which are written.
/// <list type="bullet">
/// <item><b>Stated</b> opens a new version valid from its stated-on date (also after a withdrawal: a re-statement starts again).</item>
/// <item><b>Revised</b> (a shift) ends the head version at the revision's stated-on date and opens a new one from that date.</item>
/// <item><b>Corrected</b> (a recording mistake, not a shift) replaces the head version's content, stated-on date included;
/// when the head was opened by a revision, the version it replaced now ends at the corrected date.</item>
/// <item><b>Withdrawn</b> ends the head version at the withdrawal date.</item>
/// </list>
/// Every changed row is superseded at the event's timestamp and rewritten, so earlier knowledge stays queryable.
/// </summary>
public sealed class PositionTimeline
{
    private readonly List<PositionVersion> _current;
    private readonly Dictionary<string, PositionVersion> _written = new(StringComparer.Ordinal);

    public PositionTimeline(IEnumerable<PositionVersion> current) =>
        _current = [.. current.Where(r => r.SupersededAt is null)];

    /// <summary>The rows the record holds now (not superseded), one per version.</summary>
    public IReadOnlyList<PositionVersion> Current => _current;

    /// <summary>Every row written or superseded by the events applied so far, to store.</summary>
    public IReadOnlyCollection<PositionVersion> Written => _written.Values;

    /// <summary>The most recently opened version, if any.</summary>
    public PositionVersion? Head => _current.MaxBy(r => r.Segment);

    public PositionTimeline Apply(object data, long version, DateTimeOffset recordedAt)
    {
        switch (data)
        {
            case PositionStated e:
                Write(new PositionVersion
                {
                    Id = PositionVersion.IdFor(e.Key, version, version),
                    PositionKey = e.Key,
                    Process = e.Process,
                    Issue = e.Issue,
                    Stakeholder = e.Stakeholder,
                    SpokenBy = e.SpokenBy,
                    Segment = version,
                    SegmentKind = PositionChangeKind.Stated,
                    Summary = e.Content.Summary,
                    FirstRecordedAt = recordedAt,
                }.WithContent(e.Content, version, PositionChangeKind.Stated, recordedAt) with { Version = version, Kind = PositionChangeKind.Stated, RecordedAt = recordedAt });
                break;

            case PositionRevised e:
            {
                var head = OpenHead(e.Key, "revise");
                Supersede(head, recordedAt);
                Write(head with
                {
                    Id = PositionVersion.IdFor(e.Key, version, head.Segment),
                    ValidTo = e.Content.StatedOn,
                    EndedBy = PositionVersionEnd.Revised,
                    Version = version,
                    Kind = PositionChangeKind.Revised,
                    RecordedAt = recordedAt,
                });
                Write(head.WithContent(e.Content, version, PositionChangeKind.Revised, recordedAt) with
                {
                    Id = PositionVersion.IdFor(e.Key, version, version),
                    Segment = version,
                    SegmentKind = PositionChangeKind.Revised,
                    PreviousSegment = head.Segment,
                    RevisionReason = e.Reason,
                    CorrectionReason = null,
                    Version = version,
                    Kind = PositionChangeKind.Revised,
                    RecordedAt = recordedAt,
                    FirstRecordedAt = recordedAt,
                });
                break;
            }

            case PositionCorrected e:
            {
                var head = OpenHead(e.Key, "correct");
                Supersede(head, recordedAt);
                Write(head.WithContent(e.Content, version, PositionChangeKind.Corrected, recordedAt) with
                {
                    Id = PositionVersion.IdFor(e.Key, version, head.Segment),
                    CorrectionReason = e.Reason,
                    Version = version,
                    Kind = PositionChangeKind.Corrected,
                    RecordedAt = recordedAt,
                });
                if (head.PreviousSegment is { } previousSegment
                    && _current.FirstOrDefault(r => r.Segment == previousSegment) is { EndedBy: PositionVersionEnd.Revised } previous
                    && previous.ValidTo != e.Content.StatedOn)
                {
                    Supersede(previous, recordedAt);
                    Write(previous with
                    {
                        Id = PositionVersion.IdFor(e.Key, version, previous.Segment),
                        ValidTo = e.Content.StatedOn,
                        Version = version,
                        Kind = PositionChangeKind.Corrected,
                        RecordedAt = recordedAt,
                    });
                }

                break;
            }

            case PositionWithdrawn e:
            {
                var head = OpenHead(e.Key, "withdraw");
                Supersede(head, recordedAt);
                Write(head with
                {
                    Id = PositionVersion.IdFor(e.Key, version, head.Segment),
                    ValidTo = e.WithdrawnOn,
                    EndedBy = PositionVersionEnd.Withdrawn,
                    WithdrawnOn = e.WithdrawnOn,
                    WithdrawalReason = e.Reason,
                    Version = version,
                    Kind = PositionChangeKind.Withdrawn,
                    RecordedAt = recordedAt,
                });
                break;
            }
        }

        return this;
    }

    private PositionVersion OpenHead(string key, string action) =>
        Head is { EndedBy: null } head
            ? head
            : throw new InvalidOperationException($"Position {key}: cannot {action} a position that is not standing (event out of order?).");

    private void Supersede(PositionVersion row, DateTimeOffset at)
    {
        _current.Remove(row);
        _written[row.Id] = row with { SupersededAt = at };
    }

    private void Write(PositionVersion row)
    {
        _current.Add(row);
        _written[row.Id] = row;
    }
}

internal static class PositionVersionContent
{
    public static PositionVersion WithContent(this PositionVersion row, PositionContent content, long version, PositionChangeKind kind, DateTimeOffset recordedAt) => row with
    {
        ContentVersion = version,
        ContentKind = kind,
        ContentRecordedAt = recordedAt,
        Stance = content.Stance,
        Conditions = content.Conditions,
        Summary = content.Summary,
        Meeting = content.Source.Meeting,
        Statement = content.Source.Statement,
        Submission = content.Source.Submission,
        StatedOn = content.StatedOn,
        ValidTo = null,
        EndedBy = null,
        WithdrawnOn = null,
        WithdrawalReason = null,
    };
}
