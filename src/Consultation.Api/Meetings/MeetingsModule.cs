using Consultation.Infrastructure.Configuration;
using Consultation.Infrastructure.Security;
using Consultation.Meetings.Agenda;
using Consultation.Meetings.Cancelling;
using Consultation.Meetings.Closing;
using Consultation.Meetings.Findings;
using Consultation.Meetings.Hosting;
using Consultation.Meetings.Listing;
using Consultation.Meetings.Opening;
using Consultation.Meetings.Reading;
using Consultation.Meetings.Recommendations;
using Consultation.Meetings.Registering;
using Consultation.Meetings.Scheduling;
using Consultation.Meetings.Statements;
using JasperFx.Events.Projections;

namespace Consultation.Meetings;

public static class MeetingsModule
{
    public static void AddMeetings(this StoreOptions options)
    {
        // The write model is aggregated live for FetchForWriting; declaring it keeps the readiness schema check
        // from asking for a table after the first write.
        options.Projections.LiveStreamAggregation<Meeting>();
        options.Projections.Add<MeetingDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add(new StatementRecordProjection(), ProjectionLifecycle.Inline);
        // The process is a column of its own: a filter on the document's field would fetch and decompress every meeting
        // in the store (each carries every statement said there) to read one short string.
        options.Schema.For<MeetingDetails>().Duplicate(x => x.Process);
        // So is everything a list of meetings shows (MeetingsOfProcess.SummaryColumns), for the same reason: each d.data ->>
        // of a list's select (or order) fetched and decompressed the whole document again, once per field and meeting. No
        // index on them: the lists filter on them only within one process, a few tens of rows its index finds.
        options.DuplicateWithoutIndex(MeetingsOfProcess.SummaryColumns);
        options.Schema.For<StatementRecord>()
            .Index(x => x.Speaker)
            .Index(x => x.OnBehalfOf)
            .Index(x => x.Meeting);
    }

    /// <summary>A wrong late-entry grace setting stops the start, not a user's late statement.</summary>
    public static IServiceCollection AddMeetingsServices(this IServiceCollection services) =>
        services.AddSingleton(new SettingsRule(configuration => RecordingWindow.GraceFrom(configuration)));

    public static void MapMeetings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTag("Meetings", "Meetings of a process: scheduling, agenda, host, opening, participants, statements, findings, recommendations and closing.");
        var record = group.For(Access.Record);
        var read = group.For(Access.Read);
        ScheduleMeeting.Map(record);
        ListMeetings.Map(read);
        GetMeeting.Map(read);
        RescheduleMeeting.Map(record);
        SetAgenda.Map(record);
        NameMeetingHost.Map(record);
        CancelMeeting.Map(record);
        OpenMeeting.Map(record);
        RegisterParticipant.Map(record);
        RegisterParticipantsInBatch.Map(record);
        RecordStatement.Map(record);
        GetStatement.Map(read);
        CorrectStatement.Map(record);
        WithdrawStatement.Map(record);
        RecordFinding.Map(record);
        RecordRecommendation.Map(record);
        CloseMeeting.Map(record);
        ListStakeholderStatements.Map(read);
        ListMeetingsAttended.Map(read);
    }
}
