using JasperFx.Events;

namespace Consultation.WriteBudgets;

/// <summary>A grant as it stands: the budget, until when, why, and who granted it when.</summary>
public sealed record WriteBudgetGrant(string User, int WritesPerWindow, DateTimeOffset Until, string Reason, string GrantedBy, DateTimeOffset GrantedAt);

/// <summary>One entry of the grants' history: <c>Granted</c> (with the budget and its end) or <c>Withdrawn</c>, by whom, when, why.</summary>
public sealed record WriteBudgetChange(string Change, string User, int? WritesPerWindow, DateTimeOffset? Until, string Reason, string By, DateTimeOffset At);

/// <summary>
/// The grants are events on one stream of the service's own (<see cref="StreamKey"/>, under the reserved word <c>admin</c>,
/// so only users of every process read it through the audit endpoints); this folds them.
/// </summary>
public static class WriteBudgetLedger
{
    public const string StreamKey = "admin:write-budgets";

    /// <summary>Each user's latest grant, unless withdrawn since (expired ones included: the caller compares <see cref="WriteBudgetGrant.Until"/> with now).</summary>
    public static IReadOnlyDictionary<string, WriteBudgetGrant> Latest(IEnumerable<IEvent> events)
    {
        var grants = new Dictionary<string, WriteBudgetGrant>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case WriteBudgetGranted granted:
                    grants[granted.User] = new WriteBudgetGrant(granted.User, granted.WritesPerWindow, granted.Until, granted.Reason, e.UserName ?? "unknown", e.Timestamp);
                    break;
                case WriteBudgetWithdrawn withdrawn:
                    grants.Remove(withdrawn.User);
                    break;
            }
        }

        return grants;
    }

    /// <summary>Every grant and withdrawal, newest first.</summary>
    public static IReadOnlyList<WriteBudgetChange> History(IEnumerable<IEvent> events) =>
    [
        .. events.Reverse().Select(e => e.Data switch
        {
            WriteBudgetGranted g => new WriteBudgetChange("Granted", g.User, g.WritesPerWindow, g.Until, g.Reason, e.UserName ?? "unknown", e.Timestamp),
            WriteBudgetWithdrawn w => new WriteBudgetChange("Withdrawn", w.User, null, null, w.Reason, e.UserName ?? "unknown", e.Timestamp),
            _ => null,
        }).OfType<WriteBudgetChange>(),
    ];
}
