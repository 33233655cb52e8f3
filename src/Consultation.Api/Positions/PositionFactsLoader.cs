using Consultation.Meetings;
using Consultation.Positions.Views;
using Consultation.Processes;
using Consultation.Stakeholders;
using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;

namespace Consultation.Positions;

/// <summary>Loads, in one round trip, what the position rules need from other streams' read models.</summary>
public static class PositionFactsLoader
{
    public static async Task<PositionFacts> LoadAsync(
        IQuerySession session, string process, string owner, string? speaker, string meeting, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var facts = Enlist(batch, process, owner, speaker, meeting);
        await batch.Execute(cancellationToken);
        return await facts();
    }

    /// <summary>
    /// The position stream fetched for writing (its inline document and version) and the facts, in one round trip; for an
    /// update (<paramref name="withVersionRows"/>) also the open rows of its versions table, read after the stream and kept for the save.
    /// </summary>
    public static async Task<(IEventStream<PositionDetails> Stream, PositionFacts Facts)> FetchForWritingAsync(
        IDocumentSession session, string key, string process, string owner, string? speaker, string meeting, bool withVersionRows, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var stream = batch.Events.FetchForWriting<PositionDetails>(key);
        var rows = withVersionRows ? batch.Query<PositionVersion>().Where(x => x.PositionKey == key && x.SupersededAt == null).ToList() : null;
        var facts = Enlist(batch, process, owner, speaker, meeting);
        await batch.Execute(cancellationToken);
        var fetched = await stream;
        if (rows is not null && fetched.Aggregate is not null)
        {
            OpenVersionRows.Keep(session, key, fetched.CurrentVersion ?? 0, await rows);
        }

        return (fetched, await facts());
    }

    private static Func<Task<PositionFacts>> Enlist(IBatchedQuery batch, string process, string owner, string? speaker, string meeting)
    {
        var processDetails = batch.Load<ProcessDetails>(process);
        var ownerDetails = batch.Load<StakeholderDetails>(owner);
        var speakerDetails = speaker is null ? Task.FromResult<StakeholderDetails?>(null) : batch.Load<StakeholderDetails>(speaker);
        var meetingDetails = batch.Load<MeetingDetails>($"{process}/{meeting}");
        return async () => new PositionFacts(await processDetails, await ownerDetails, await speakerDetails, ToSourceOrNull(await meetingDetails));
    }

    private static SourceMeeting? ToSourceOrNull(MeetingDetails? meeting) => meeting is null ? null : ToSource(meeting);

    /// <summary>What the position rules need of a meeting.</summary>
    public static SourceMeeting ToSource(MeetingDetails meeting) => new(
        meeting.Id,
        meeting.Process,
        meeting.StartsOn,
        meeting.EndsOn,
        meeting.Status == MeetingStatus.Cancelled,
        meeting.Statements.Select(s => s.Id).ToHashSet());
}
