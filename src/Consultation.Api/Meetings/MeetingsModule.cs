using Consultation.Meetings.Cancelling;
using Consultation.Meetings.Closing;
using Consultation.Meetings.Findings;
using Consultation.Meetings.Listing;
using Consultation.Meetings.Opening;
using Consultation.Meetings.Reading;
using Consultation.Meetings.Recommendations;
using Consultation.Meetings.Registering;
using Consultation.Meetings.Scheduling;
using Consultation.Meetings.Statements;
using JasperFx.Events.Projections;
using Marten;

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
        options.Schema.For<MeetingDetails>()
            .Index(x => x.Process)
            .Index(x => x.Status);
        options.Schema.For<StatementRecord>()
            .Index(x => x.Speaker)
            .Index(x => x.OnBehalfOf)
            .Index(x => x.Meeting);
    }

    public static void MapMeetings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTags("Meetings");
        ScheduleMeeting.Map(group);
        ListMeetings.Map(group);
        GetMeeting.Map(group);
        RescheduleMeeting.Map(group);
        CancelMeeting.Map(group);
        OpenMeeting.Map(group);
        RegisterParticipant.Map(group);
        RecordStatement.Map(group);
        GetStatement.Map(group);
        RecordFinding.Map(group);
        RecordRecommendation.Map(group);
        CloseMeeting.Map(group);
        ListStakeholderStatements.Map(group);
        ListMeetingsAttended.Map(group);
    }
}
