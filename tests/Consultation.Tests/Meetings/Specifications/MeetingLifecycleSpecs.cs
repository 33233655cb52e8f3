using Consultation.Domain;
using Consultation.Meetings;
using Consultation.Meetings.Cancelling;
using Consultation.Meetings.Closing;
using Consultation.Meetings.Opening;
using Consultation.Meetings.Scheduling;
using static Consultation.Tests.Meetings.Specifications.MeetingFacts;

namespace Consultation.Tests.Meetings.Specifications;

/// <summary>Scheduling, rescheduling, cancelling, opening and closing: given events, when a command, then events or a broken rule.</summary>
public sealed class MeetingLifecycleSpecs
{
    private static ScheduleMeeting.Command Schedule(DateOnly startsOn, DateOnly endsOn, string process = "gcm") =>
        new(process, new("stocktaking-2017", "stocktakingmeeting", "  Stocktaking meeting ", new VenueRequest(" Puerto Vallarta ", "MEX"), startsOn, endsOn, [" Juan José Gómez Camacho", "Jürg Lauber "]));

    private static RescheduleMeeting.Command Reschedule(DateOnly? startsOn, DateOnly? endsOn, VenueRequest? venue = null) =>
        new(Key, 1, new(startsOn, endsOn, venue, " Venue unavailable "));

    [Fact]
    public void Scheduling_within_the_process_records_the_meeting_under_its_process()
    {
        var scheduled = NoStream.When(meeting => ScheduleMeeting.Decide(meeting, Process(), Schedule(StartsOn, EndsOn))).ThenOne<MeetingScheduled>();

        Assert.Equivalent(Scheduled, scheduled, strict: true);
    }

    [Fact]
    public void Scheduling_in_an_unknown_process_is_not_found()
    {
        var error = NoStream.When(meeting => ScheduleMeeting.Decide(meeting, null, Schedule(StartsOn, EndsOn, "nowhere"))).ThenRefused<StreamNotFound>();

        Assert.Equal("Process", error.What);
    }

    [Fact]
    public void A_meeting_key_is_never_reused()
    {
        var error = Given(Scheduled, Cancelled).When(meeting => ScheduleMeeting.Decide(meeting, Process(), Schedule(StartsOn, EndsOn))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("never reused", error.Message);
    }

    [Fact]
    public void A_meeting_cannot_start_before_its_process()
    {
        var error = NoStream.When(meeting => ScheduleMeeting.Decide(meeting, Process(), Schedule(new(2017, 4, 5), new(2017, 4, 7)))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("before process 'gcm' starts (2017-04-06)", error.Message);
    }

    [Fact]
    public void A_meeting_on_the_day_the_process_starts_is_within_it()
    {
        var scheduled = NoStream.When(meeting => ScheduleMeeting.Decide(meeting, Process(), Schedule(new(2017, 4, 6), new(2017, 4, 6)))).ThenOne<MeetingScheduled>();

        Assert.Equal(new DateOnly(2017, 4, 6), scheduled.StartsOn);
    }

    [Fact]
    public void A_meeting_cannot_end_before_it_starts()
    {
        var error = NoStream.When(meeting => ScheduleMeeting.Decide(meeting, Process(), Schedule(EndsOn, StartsOn))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("cannot end (2017-12-04) before it starts (2017-12-06)", error.Message);
    }

    [Fact]
    public void A_concluded_process_schedules_no_meetings()
    {
        var error = NoStream.When(meeting => ScheduleMeeting.Decide(meeting, Process(concludedOn: new(2018, 12, 10)), Schedule(StartsOn, EndsOn))).ThenRefused<DomainRuleViolation>();

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
        var rescheduled = Given(Scheduled).When(meeting => RescheduleMeeting.Decide(meeting, Process(), Reschedule(new(2017, 12, 5), new(2017, 12, 7)))).ThenOne<MeetingRescheduled>();
        Assert.Equal(new MeetingRescheduled(Key, StartsOn, EndsOn, PuertoVallarta, new(2017, 12, 5), new(2017, 12, 7), PuertoVallarta, "Venue unavailable"), rescheduled);
        var meeting = Specification.Fold<Meeting>(Scheduled, rescheduled)!;
        Assert.Equal((new DateOnly(2017, 12, 5), new DateOnly(2017, 12, 7)), (meeting.StartsOn, meeting.EndsOn));
    }

    [Fact]
    public void Rescheduling_can_move_only_the_venue()
    {
        var rescheduled = Given(Scheduled).When(meeting => RescheduleMeeting.Decide(meeting, Process(), Reschedule(null, null, new VenueRequest("Guadalajara", "MEX")))).ThenOne<MeetingRescheduled>();
        Assert.Equal((StartsOn, EndsOn, new Venue("Guadalajara", "MEX")), (rescheduled.StartsOn, rescheduled.EndsOn, rescheduled.Venue));
    }

    [Fact]
    public void Rescheduling_one_date_keeps_the_other_and_still_keeps_them_in_order()
    {
        var rescheduled = Given(Scheduled).When(meeting => RescheduleMeeting.Decide(meeting, Process(), Reschedule(null, new(2017, 12, 7)))).ThenOne<MeetingRescheduled>();
        Assert.Equal((StartsOn, new DateOnly(2017, 12, 7)), (rescheduled.StartsOn, rescheduled.EndsOn));
        Given(Scheduled).When(meeting => RescheduleMeeting.Decide(meeting, Process(), Reschedule(new(2017, 12, 8), null))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Rescheduling_to_the_same_dates_and_venue_changes_nothing_and_is_refused()
    {
        var error = Given(Scheduled).When(meeting => RescheduleMeeting.Decide(meeting, Process(), Reschedule(StartsOn, EndsOn, new VenueRequest("Puerto Vallarta", "MEX")))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("nothing to reschedule", error.Message);
    }

    [Fact]
    public void Rescheduling_keeps_the_dates_within_the_process()
    {
        Given(Scheduled).When(meeting => RescheduleMeeting.Decide(meeting, Process(), Reschedule(new(2017, 1, 1), new(2017, 1, 2)))).ThenRefused<DomainRuleViolation>();
        Given(Scheduled).When(meeting => RescheduleMeeting.Decide(meeting, Process(), Reschedule(EndsOn, StartsOn))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void An_open_meeting_cannot_be_rescheduled()
    {
        var error = Given(Scheduled, Opened).When(meeting => RescheduleMeeting.Decide(meeting, Process(), Reschedule(new(2017, 12, 5), new(2017, 12, 7)))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("is open; it can only be rescheduled before it opens", error.Message);
    }

    [Fact]
    public void Cancelling_a_scheduled_meeting_records_the_reason_and_time()
    {
        Given(Scheduled).When(meeting => CancelMeeting.Decide(meeting, new(Key, 1, new(" Hurricane warning ")), OpenedAt)).Then(Cancelled);
        Assert.Equal(MeetingStatus.Cancelled, Given(Scheduled, Cancelled).State!.Status);
    }

    [Fact]
    public void A_meeting_that_opened_is_closed_not_cancelled()
    {
        Given(Scheduled, Opened).When(meeting => CancelMeeting.Decide(meeting, new(Key, 2, new("too late")), OpenedAt)).ThenRefused<DomainRuleViolation>();
        Given(Scheduled, Opened, Closed).When(meeting => CancelMeeting.Decide(meeting, new(Key, 3, new("too late")), OpenedAt)).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_cancelled_meeting_accepts_nothing_more()
    {
        var cancelled = Given(Scheduled, Cancelled);

        cancelled.When(meeting => CancelMeeting.Decide(meeting, new(Key, 2, new("again")), OpenedAt)).ThenRefused<DomainRuleViolation>("cancelled");
        cancelled.When(meeting => OpenMeeting.Decide(meeting, Process(), new(Key, 2), OpenedAt)).ThenRefused<DomainRuleViolation>("cancelled");
        cancelled.When(meeting => CloseMeeting.Decide(meeting, new(Key, 2, new("summary")), ClosedAt)).ThenRefused<DomainRuleViolation>("cancelled");
        cancelled.When(meeting => RescheduleMeeting.Decide(meeting, Process(), Reschedule(new(2018, 1, 1), new(2018, 1, 2)))).ThenRefused<DomainRuleViolation>("cancelled");
    }

    [Fact]
    public void Opening_a_scheduled_meeting_records_when()
    {
        Given(Scheduled).When(meeting => OpenMeeting.Decide(meeting, Process(), new(Key, 1), OpenedAt)).Then(Opened);
        Assert.Equal(MeetingStatus.Open, Given(Scheduled, Opened).State!.Status);
    }

    [Fact]
    public void A_meeting_opens_once()
    {
        var error = Given(Scheduled, Opened).When(meeting => OpenMeeting.Decide(meeting, Process(), new(Key, 2), OpenedAt)).ThenRefused<DomainRuleViolation>();

        Assert.Contains("is open", error.Message);
        Given(Scheduled, Opened, Closed).When(meeting => OpenMeeting.Decide(meeting, Process(), new(Key, 3), OpenedAt)).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_meeting_of_a_concluded_process_does_not_open()
    {
        var error = Given(Scheduled).When(meeting => OpenMeeting.Decide(meeting, Process(concludedOn: new(2018, 12, 19)), new(Key, 1), OpenedAt)).ThenRefused<DomainRuleViolation>();

        Assert.Contains("concluded", error.Message);
    }

    [Fact]
    public void Closing_an_open_meeting_records_the_chairs_summary_and_when()
    {
        Given(Scheduled, Opened).When(meeting => CloseMeeting.Decide(meeting, new(Key, 2, new(" Broad support for a comprehensive compact. ")), ClosedAt)).Then(Closed);
        var meeting = Specification.Fold<Meeting>(Scheduled, Opened, Closed)!;
        Assert.Equal((MeetingStatus.Closed, ClosedAt), (meeting.Status, meeting.ClosedAt));
    }

    [Fact]
    public void A_meeting_closes_only_after_it_opened()
    {
        var error = Given(Scheduled).When(meeting => CloseMeeting.Decide(meeting, new(Key, 1, new("summary")), ClosedAt)).ThenRefused<DomainRuleViolation>();

        Assert.Contains("closes only after it opened", error.Message);
    }

    [Fact]
    public void A_meeting_closes_once()
    {
        var error = Given(Scheduled, Opened, Closed).When(meeting => CloseMeeting.Decide(meeting, new(Key, 3, new("again")), ClosedAt)).ThenRefused<DomainRuleViolation>();

        Assert.Contains("already closed", error.Message);
    }
}
