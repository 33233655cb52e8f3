using Consultation.Processes;

namespace Consultation.Meetings;

/// <summary>Rules every change to a meeting obeys.</summary>
public static class MeetingRules
{
    /// <summary>A cancelled meeting records nothing.</summary>
    public static void EnsureNotCancelled(this Meeting meeting)
    {
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            throw new DomainRuleViolation($"Meeting '{meeting.Id}' was cancelled; nothing is recorded on it.");
        }
    }

    /// <summary>Dates and venue change, and a meeting opens or is cancelled, only before it opened.</summary>
    public static void EnsureScheduled(this Meeting meeting, string action)
    {
        meeting.EnsureNotCancelled();
        if (meeting.Status != MeetingStatus.Scheduled)
        {
            throw new DomainRuleViolation($"Meeting '{meeting.Id}' is {Describe(meeting.Status)}; it can only {action} before it opens.");
        }
    }

    /// <summary>
    /// Statements, findings and recommendations are recorded while the meeting is open, or as late entries within the
    /// grace period after it closed. Returns whether the entry is late.
    /// </summary>
    public static bool EnsureRecording(this Meeting meeting, RecordingWindow window, string what) => meeting.Status switch
    {
        MeetingStatus.Open => false,
        MeetingStatus.Scheduled => throw new DomainRuleViolation($"Meeting '{meeting.Id}' has not opened yet; {what} can be recorded once it is open."),
        _ => meeting.EnsureLateEntry(window, what),
    };

    /// <summary>Participants register from scheduling on, and as late entries within the grace period after closing.</summary>
    public static bool EnsureRegistering(this Meeting meeting, RecordingWindow window) => meeting.Status switch
    {
        MeetingStatus.Scheduled or MeetingStatus.Open => false,
        _ => meeting.EnsureLateEntry(window, "participants"),
    };

    /// <summary>Nothing in a concluded process changes its calendar.</summary>
    public static void EnsureActive(this ProcessDetails process, string action)
    {
        if (process.Status == ProcessStatus.Concluded)
        {
            throw new DomainRuleViolation(
                $"Process '{process.Id}' was concluded on {process.ConcludedOn:yyyy-MM-dd}; meetings can no longer {action} in it.");
        }
    }

    /// <summary>A meeting's dates are in order, not before its process starts and not after it concluded.</summary>
    public static void EnsureDatesWithin(this ProcessDetails process, DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
        {
            throw new DomainRuleViolation($"A meeting cannot end ({endsOn:yyyy-MM-dd}) before it starts ({startsOn:yyyy-MM-dd}).");
        }

        if (startsOn < process.StartsOn)
        {
            throw new DomainRuleViolation(
                $"The meeting cannot start ({startsOn:yyyy-MM-dd}) before process '{process.Id}' starts ({process.StartsOn:yyyy-MM-dd}).");
        }

        if (process.ConcludedOn is { } concludedOn && endsOn > concludedOn)
        {
            throw new DomainRuleViolation(
                $"The meeting cannot end ({endsOn:yyyy-MM-dd}) after process '{process.Id}' concluded ({concludedOn:yyyy-MM-dd}).");
        }
    }

    private static bool EnsureLateEntry(this Meeting meeting, RecordingWindow window, string what)
    {
        meeting.EnsureNotCancelled();
        var closedAt = meeting.ClosedAt!.Value.ToUniversalTime();
        var until = closedAt + window.Grace;
        return window.Now <= until
            ? true
            : throw new DomainRuleViolation(
                $"Meeting '{meeting.Id}' closed at {closedAt:yyyy-MM-dd HH:mm} UTC; late {what} were accepted until {until:yyyy-MM-dd HH:mm} UTC.");
    }

    private static string Describe(MeetingStatus status) => status switch
    {
        MeetingStatus.Open => "open",
        MeetingStatus.Closed => "closed",
        MeetingStatus.Cancelled => "cancelled",
        _ => "scheduled",
    };
}
