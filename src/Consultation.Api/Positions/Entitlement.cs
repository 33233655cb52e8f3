using Consultation.Stakeholders;

namespace Consultation.Positions;

/// <summary>
/// Who takes part in a process on a date: States (Member and observer States) in their own right; every other stakeholder
/// (groups and blocs included) while accredited to the process — from the day of its accreditation until the day an
/// accreditation ends (exclusive). Only those entitled on a position's stated-on date may state it, and only those entitled
/// on the date measured are measured.
/// </summary>
public static class Entitlement
{
    public static bool IsEntitled(StakeholderDetails stakeholder, string process, DateOnly on) =>
        stakeholder.Kind.IsState() || stakeholder.Accreditations.Any(a => a.Process == process && a.Covers(on));

    /// <summary>The position's holder (<see cref="PositionFacts.Stakeholder"/>) is entitled on <paramref name="on"/>, else 409 saying who, where, when and since when.</summary>
    public static void RequireEntitled(this PositionFacts facts, string process, DateOnly on)
    {
        if (facts.Stakeholder is not { } holder || IsEntitled(holder, process, on))
        {
            return;
        }

        var periods = holder.Accreditations.Where(a => a.Process == process).ToList();
        var accredited = periods.Count == 0
            ? "it has never been accredited to it"
            : "its accreditation " + string.Join(", ", periods.Select(a => a.EndedOn is { } ended
                ? $"ran from {a.AccreditedOn:yyyy-MM-dd} until {ended:yyyy-MM-dd}"
                : $"runs from {a.AccreditedOn:yyyy-MM-dd}"));
        throw new DomainRuleViolation(
            $"'{holder.Id}' ({holder.Kind}) was not entitled to take part in process '{process}' on {on:yyyy-MM-dd}: {accredited}. "
            + "States take part in their own right; other stakeholders only while accredited to the process.");
    }
}
