using Consultation.Meetings;
using Consultation.Processes;
using Consultation.Stakeholders;
using Marten;

namespace Consultation.Positions;

/// <summary>Loads, in one round trip, what the position rules need from other streams' read models.</summary>
public static class PositionFactsLoader
{
    public static async Task<PositionFacts> LoadAsync(
        IQuerySession session, string process, string owner, string? speaker, string meeting, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var processDetails = batch.Load<ProcessDetails>(process);
        var ownerDetails = batch.Load<StakeholderDetails>(owner);
        var speakerDetails = speaker is null ? Task.FromResult<StakeholderDetails?>(null) : batch.Load<StakeholderDetails>(speaker);
        var meetingDetails = batch.Load<MeetingDetails>($"{process}/{meeting}");
        await batch.Execute(cancellationToken);
        return new PositionFacts(await processDetails, await ownerDetails, await speakerDetails, ToSourceOrNull(await meetingDetails));
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
