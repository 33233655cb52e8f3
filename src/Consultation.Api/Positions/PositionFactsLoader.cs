using Consultation.Meetings;
using Consultation.Processes;
using Consultation.Stakeholders;
using Consultation.Submissions;
using Marten.Services.BatchQuerying;

namespace Consultation.Positions;

/// <summary>
/// Loads, in one round trip, what the position rules need from other streams' read models; the write path enlists the same
/// reads in the round trip that fetches the stream (<see cref="Writing.PositionWriteSession"/>).
/// </summary>
public static class PositionFactsLoader
{
    public static async Task<PositionFacts> LoadAsync(
        IQuerySession session, string process, string issue, string owner, string? speaker, PositionSource? source, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var facts = Enlist(batch, session.DocumentStore, process, issue, owner, speaker, source);
        await batch.Execute(cancellationToken);
        return await facts();
    }

    /// <summary>
    /// The facts, enlisted in <paramref name="batch"/>. Of the process only its status and the issue's (<see cref="ProcessFacts.Enlist"/>); of the meeting only its dates, status and process travel (its
    /// document carries every statement said there; taken apart once by <c>jsonb_to_record</c>, as each <c>d.data -&gt;</c> of a
    /// toasted document would fetch and decompress all of it again); the cited statement is looked up as its own record (statements are
    /// only ever added, so the record exists exactly when the meeting lists it). A cited submission's document is small and read whole.
    /// <paramref name="source"/> names the meeting (and statement) or the submission cited; null reads neither.
    /// </summary>
    internal static Func<Task<PositionFacts>> Enlist(
        IBatchedQuery batch, IDocumentStore store, string process, string issue, string owner, string? speaker, PositionSource? source)
    {
        var meetingKey = source?.Meeting is { } meeting ? $"{process}/{meeting}" : null;
        var statement = meetingKey is null ? null : source?.Statement;
        var processFacts = ProcessFacts.Enlist(batch, store, process, issue);
        var ownerDetails = batch.Load<StakeholderDetails>(owner);
        var speakerDetails = speaker is null ? Task.FromResult<StakeholderDetails?>(null) : batch.Load<StakeholderDetails>(speaker);
        var meetingFacts = meetingKey is null ? Task.FromResult<IReadOnlyList<MeetingFacts>>([]) : EnlistMeetings(batch, store, [meetingKey]);
        var cited = statement is null ? Task.FromResult<StatementRecord?>(null) : batch.Load<StatementRecord>(StatementRecord.IdOf(meetingKey!, statement));
        var submission = source?.Submission is { } slug ? batch.Load<SubmissionDetails>(Submission.KeyOf(process, slug)) : Task.FromResult<SubmissionDetails?>(null);
        return async () => new PositionFacts(
            await processFacts(),
            await ownerDetails,
            await speakerDetails,
            (await meetingFacts).SingleOrDefault() is { } m
                ? new SourceMeeting(m.Id, m.Process, m.StartsOn, m.EndsOn, m.Status == MeetingStatus.Cancelled, await cited is { } s ? new HashSet<string> { s.Statement } : [])
                {
                    Participants = m.Participants.ToHashSet(StringComparer.Ordinal),
                    Withdrawn = await cited is { Withdrawn: true } w ? new HashSet<string> { w.Statement } : new HashSet<string>(),
                }
                : null)
        {
            Submission = await submission is { } written ? SourceSubmission.Of(written) : null,
        };
    }

    /// <summary>
    /// Of each meeting only its dates, status, process and the keys of its participants, enlisted in <paramref name="batch"/>: the document carries every
    /// statement said there (<see cref="PositionsSql.SelectMeetingFacts"/>).
    /// </summary>
    internal static Task<IReadOnlyList<MeetingFacts>> EnlistMeetings(IBatchedQuery batch, IDocumentStore store, string[] keys) =>
        batch.Query<MeetingFacts>(PositionsSql.SelectMeetingFacts(store), [keys]);

    internal sealed class MeetingFacts
    {
        public string Id { get; init; } = string.Empty;

        public string Process { get; init; } = string.Empty;

        public DateOnly StartsOn { get; init; }

        public DateOnly EndsOn { get; init; }

        public MeetingStatus Status { get; init; }

        public IReadOnlyList<string> Participants { get; init; } = [];
    }
}
