using Consultation.Infrastructure.Errors;
using Consultation.Meetings;
using Consultation.Meetings.Cancelling;
using Consultation.Meetings.Closing;
using Consultation.Meetings.Opening;
using Consultation.Meetings.Scheduling;
using static Consultation.Tests.Meetings.MeetingFacts;

namespace Consultation.Tests.Meetings;

/// <summary>Scheduling, rescheduling, cancelling, opening and closing: given events, when a command, then events or a broken rule.</summary>
public sealed class MeetingLifecycleDecisionTests
{
    private static ScheduleMeeting.Command Schedule(DateOnly startsOn, DateOnly endsOn, string process = "gcm") =>
        new(process, "stocktaking-2017", "stocktakingmeeting", "  Stocktaking meeting ", new VenueRequest(" Puerto Vallarta ", "MEX"), startsOn, endsOn,
            [" Juan José Gómez Camacho", "Jürg Lauber "]);

    private static RescheduleMeeting.Command Reschedule(DateOnly? startsOn, DateOnly? endsOn, VenueRequest? venue = null) =>
        new(Key, 1, startsOn, endsOn, venue, " Venue unavailable ");

    [Fact]
    public void Scheduling_within_the_process_records_the_meeting_under_its_process()
    {
        var scheduled = ScheduleMeeting.Decide(null, Process(), Schedule(StartsOn, EndsOn));

        Assert.Equivalent(Scheduled, scheduled, strict: true);
    }

    [Fact]
    public void Scheduling_in_an_unknown_process_is_not_found()
    {
        var error = Assert.Throws<StreamNotFound>(() => ScheduleMeeting.Decide(null, null, Schedule(StartsOn, EndsOn, "nowhere")));

        Assert.Equal("Process", error.What);
    }

    [Fact]
    public void A_meeting_key_is_never_reused()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => ScheduleMeeting.Decide(Given(Scheduled, Cancelled), Process(), Schedule(StartsOn, EndsOn)));

        Assert.Contains("never reused", error.Message);
    }

    [Fact]
    public void A_meeting_cannot_start_before_its_process()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => ScheduleMeeting.Decide(null, Process(), Schedule(new(2017, 4, 5), new(2017, 4, 7))));

        Assert.Contains("before process 'gcm' starts (2017-04-06)", error.Message);
    }

    [Fact]
    public void A_meeting_on_the_day_the_process_starts_is_within_it()
    {
        var scheduled = ScheduleMeeting.Decide(null, Process(), Schedule(new(2017, 4, 6), new(2017, 4, 6)));

        Assert.Equal(new DateOnly(2017, 4, 6), scheduled.StartsOn);
    }

    [Fact]
    public void A_meeting_cannot_end_before_it_starts()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => ScheduleMeeting.Decide(null, Process(), Schedule(EndsOn, StartsOn)));

        Assert.Contains("cannot end (2017-12-04) before it starts (2017-12-06)", error.Message);
    }

    [Fact]
    public void A_concluded_process_schedules_no_meetings()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => ScheduleMeeting.Decide(null, Process(concludedOn: new(2018, 12, 10)), Schedule(StartsOn, EndsOn)));

        Assert.Contains("concluded on 2018-12-10", error.Message);
    }

    [Fact]
    public void Meeting_dates_cannot_run_past_the_conclusion_of_the_process()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => Process(concludedOn: new(2017, 12, 5)).EnsureDatesWithin(StartsOn, EndsOn));

        Assert.Contains("after process 'gcm' concluded (2017-12-05)", error.Message);
    }

    [Fact]
    public void Rescheduling_moves_the_dates_keeps_the_venue_and_remembers_the_previous_ones()
    {
        var events = RescheduleMeeting.Decide(Given(Scheduled), Process(), Reschedule(new(2017, 12, 5), new(2017, 12, 7)));

        var rescheduled = Assert.IsType<MeetingRescheduled>(Assert.Single(events));
        Assert.Equal(new MeetingRescheduled(Key, StartsOn, EndsOn, PuertoVallarta, new(2017, 12, 5), new(2017, 12, 7), PuertoVallarta, "Venue unavailable"), rescheduled);
        var meeting = Given(Scheduled, rescheduled);
        Assert.Equal((new DateOnly(2017, 12, 5), new DateOnly(2017, 12, 7)), (meeting.StartsOn, meeting.EndsOn));
    }

    [Fact]
    public void Rescheduling_can_move_only_the_venue()
    {
        var events = RescheduleMeeting.Decide(Given(Scheduled), Process(), Reschedule(null, null, new VenueRequest("Guadalajara", "MEX")));

        var rescheduled = Assert.IsType<MeetingRescheduled>(Assert.Single(events));
        Assert.Equal((StartsOn, EndsOn, new Venue("Guadalajara", "MEX")), (rescheduled.StartsOn, rescheduled.EndsOn, rescheduled.Venue));
    }

    [Fact]
    public void Rescheduling_one_date_keeps_the_other_and_still_keeps_them_in_order()
    {
        var events = RescheduleMeeting.Decide(Given(Scheduled), Process(), Reschedule(null, new(2017, 12, 7)));

        var rescheduled = Assert.IsType<MeetingRescheduled>(Assert.Single(events));
        Assert.Equal((StartsOn, new DateOnly(2017, 12, 7)), (rescheduled.StartsOn, rescheduled.EndsOn));
        Assert.Throws<DomainRuleViolation>(() => RescheduleMeeting.Decide(Given(Scheduled), Process(), Reschedule(new(2017, 12, 8), null)));
    }

    [Fact]
    public void Rescheduling_to_the_same_dates_and_venue_changes_nothing_and_is_refused()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => RescheduleMeeting.Decide(Given(Scheduled), Process(), Reschedule(StartsOn, EndsOn, new VenueRequest("Puerto Vallarta", "MEX"))));

        Assert.Contains("nothing to reschedule", error.Message);
    }

    [Fact]
    public void Rescheduling_keeps_the_dates_within_the_process()
    {
        Assert.Throws<DomainRuleViolation>(() => RescheduleMeeting.Decide(Given(Scheduled), Process(), Reschedule(new(2017, 1, 1), new(2017, 1, 2))));
        Assert.Throws<DomainRuleViolation>(() => RescheduleMeeting.Decide(Given(Scheduled), Process(), Reschedule(EndsOn, StartsOn)));
    }

    [Fact]
    public void An_open_meeting_cannot_be_rescheduled()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => RescheduleMeeting.Decide(Given(Scheduled, Opened), Process(), Reschedule(new(2017, 12, 5), new(2017, 12, 7))));

        Assert.Contains("is open; it can only be rescheduled before it opens", error.Message);
    }

    [Fact]
    public void Cancelling_a_scheduled_meeting_records_the_reason_and_time()
    {
        var events = CancelMeeting.Decide(Given(Scheduled), new(Key, 1, " Hurricane warning "), OpenedAt);

        Assert.Equal(Cancelled, Assert.Single(events));
        Assert.Equal(MeetingStatus.Cancelled, Given(Scheduled, Cancelled).Status);
    }

    [Fact]
    public void A_meeting_that_opened_is_closed_not_cancelled()
    {
        Assert.Throws<DomainRuleViolation>(() => CancelMeeting.Decide(Given(Scheduled, Opened), new(Key, 2, "too late"), OpenedAt));
        Assert.Throws<DomainRuleViolation>(() => CancelMeeting.Decide(Given(Scheduled, Opened, Closed), new(Key, 3, "too late"), OpenedAt));
    }

    [Fact]
    public void A_cancelled_meeting_accepts_nothing_more()
    {
        var cancelled = Given(Scheduled, Cancelled);

        Assert.Contains("cancelled", Assert.Throws<DomainRuleViolation>(() => CancelMeeting.Decide(cancelled, new(Key, 2, "again"), OpenedAt)).Message);
        Assert.Contains("cancelled", Assert.Throws<DomainRuleViolation>(() => OpenMeeting.Decide(cancelled, Process(), new(Key, 2), OpenedAt)).Message);
        Assert.Contains("cancelled", Assert.Throws<DomainRuleViolation>(() => CloseMeeting.Decide(cancelled, new(Key, 2, "summary"), ClosedAt)).Message);
        Assert.Contains("cancelled", Assert.Throws<DomainRuleViolation>(() => RescheduleMeeting.Decide(cancelled, Process(), Reschedule(new(2018, 1, 1), new(2018, 1, 2)))).Message);
    }

    [Fact]
    public void Opening_a_scheduled_meeting_records_when()
    {
        Assert.Equal(Opened, Assert.Single(OpenMeeting.Decide(Given(Scheduled), Process(), new(Key, 1), OpenedAt)));
        Assert.Equal(MeetingStatus.Open, Given(Scheduled, Opened).Status);
    }

    [Fact]
    public void A_meeting_opens_once()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => OpenMeeting.Decide(Given(Scheduled, Opened), Process(), new(Key, 2), OpenedAt));

        Assert.Contains("is open", error.Message);
        Assert.Throws<DomainRuleViolation>(() => OpenMeeting.Decide(Given(Scheduled, Opened, Closed), Process(), new(Key, 3), OpenedAt));
    }

    [Fact]
    public void A_meeting_of_a_concluded_process_does_not_open()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => OpenMeeting.Decide(Given(Scheduled), Process(concludedOn: new(2018, 12, 19)), new(Key, 1), OpenedAt));

        Assert.Contains("concluded", error.Message);
    }

    [Fact]
    public void Closing_an_open_meeting_records_the_chairs_summary_and_when()
    {
        var events = CloseMeeting.Decide(Given(Scheduled, Opened), new(Key, 2, " Broad support for a comprehensive compact. "), ClosedAt);

        Assert.Equal(Closed, Assert.Single(events));
        var meeting = Given(Scheduled, Opened, Closed);
        Assert.Equal((MeetingStatus.Closed, ClosedAt), (meeting.Status, meeting.ClosedAt));
    }

    [Fact]
    public void A_meeting_closes_only_after_it_opened()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => CloseMeeting.Decide(Given(Scheduled), new(Key, 1, "summary"), ClosedAt));

        Assert.Contains("closes only after it opened", error.Message);
    }

    [Fact]
    public void A_meeting_closes_once()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => CloseMeeting.Decide(Given(Scheduled, Opened, Closed), new(Key, 3, "again"), ClosedAt));

        Assert.Contains("already closed", error.Message);
    }
}
