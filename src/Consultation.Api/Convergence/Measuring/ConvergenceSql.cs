using System.Linq.Expressions;
using Consultation.Positions.Views;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Convergence.Measuring;

/// <summary>
/// The SQL the measure writes by hand, in one place: every JSON field it names comes from the member it reads
/// (<see cref="StoredJson"/>), every duplicated column from the mapping (<see cref="DocumentTables.DuplicatedColumnOf{T}"/>),
/// so a renamed member renames the query. Only the tables (which carry the schema) and the event type names are added per call.
/// </summary>
public static class ConvergenceSql
{
    private static string Version(IReadOnlyStoreOptions options, Expression<Func<PositionVersion, object?>> member) =>
        "d." + options.DuplicatedColumnOf(member);

    /// <summary>
    /// One short line of text per standing row of some issues of a process (parameters: the process, the issues): issue,
    /// stakeholder, stance, stated-on date, and the conditions last, marked with '+' so that an empty text stays apart from
    /// none (<c>concat_ws</c> leaves a null out). The caller adds the axes' filters.
    /// </summary>
    public static string StandingRows(IDocumentStore store)
    {
        var options = store.Options;
        return $"select concat_ws(chr(31), {Version(options, v => v.Issue)}, {Version(options, v => v.Stakeholder)}, "
            + $"{StoredJson.Text<PositionVersion>("d.data", v => v.Stance)}, to_char({Version(options, v => v.StatedOn)}, 'YYYY-MM-DD'), "
            + $"'+' || ({StoredJson.Text<PositionVersion>("d.data", v => v.Conditions)})) "
            + $"from {store.TableOf<PositionVersion>()} as d where {Version(options, v => v.Process)} = ? and {Version(options, v => v.Issue)} = any(?)";
    }

    /// <summary>The filters of <see cref="PositionVersionAxes.StandingAt"/> on the versions table's columns, each as SQL with its parameters.</summary>
    public static (string RecordedBy, string RecordedNow, string StatedBy, string StatedNow) StandingFilters(IDocumentStore store)
    {
        var options = store.Options;
        var superseded = Version(options, v => v.SupersededAt);
        var validTo = Version(options, v => v.ValidTo);
        return (
            $" and {Version(options, v => v.RecordedAt)} <= ? and ({superseded} is null or {superseded} > ?)",
            $" and {superseded} is null",
            $" and {Version(options, v => v.StatedOn)} <= ? and ({validTo} is null or {validTo} > ?)",
            $" and {validTo} is null");
    }

    /// <summary>
    /// The key, kind and regional group of the stakeholders accredited to a process on a date as recorded by a moment
    /// (parameters: process, moment, date, process, moment, date): an accreditation event recorded by then, from on or
    /// before the date, not ended by an end recorded by then that falls after it and on or before the date.
    /// </summary>
    public static string Accredited(IDocumentStore store)
    {
        var options = (StoreOptions)store.Options;
        var events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
        var process = StoredJson.Text<StakeholderAccredited>("e.data", a => a.ProcessKey);
        var accreditedOn = $"({StoredJson.Text<StakeholderAccredited>("e.data", a => a.AccreditedOn)})::date";
        var endedOn = $"({StoredJson.Text<StakeholderAccreditationEnded>("x.data", a => a.EndedOn)})::date";
        var accreditations = $"select e.stream_id from {events} e where e.type = '{AccreditationsIndex.TypeName(options)}' and {process} = ? and e.timestamp <= ? "
            + $"and {accreditedOn} <= ? "
            + $"and not exists (select 1 from {events} x where x.stream_id = e.stream_id and x.type = '{AccreditationsIndex.EndedTypeName(options)}' "
            + $"and {StoredJson.Text<StakeholderAccreditationEnded>("x.data", a => a.ProcessKey)} = ? and x.timestamp <= ? "
            + $"and {endedOn} > {accreditedOn} and {endedOn} <= ?)";

        // Three short fields per stakeholder, not the record (a large process has thousands of accredited stakeholders).
        return $"select concat_ws(chr(31), d.id, {StoredJson.Text<StakeholderDetails>("d.data", s => s.Kind)}, {StoredJson.Text<StakeholderDetails>("d.data", s => s.RegionalGroup)}) "
            + $"from {store.TableOf<StakeholderDetails>()} as d where d.id in ({accreditations})";
    }

    /// <summary>The process's key and one issue's title, as one JSON object (parameters: the issue, the process).</summary>
    public static string IssueHeading(IDocumentStore store) =>
        $"select jsonb_build_object({StoredJson.Key<IssueHeading>(h => h.Process)}, d.id, {StoredJson.Key<IssueHeading>(h => h.Title)}, "
        + $"(select {StoredJson.Json<IssueDetails>("i", i => i.Title)} from jsonb_array_elements({StoredJson.Json<ProcessDetails>("d.data", p => p.Issues)}) i "
        + $"where {StoredJson.Text<IssueDetails>("i", i => i.Key)} = ? limit 1)) "
        + $"from {store.TableOf<ProcessDetails>()} as d where d.id = ?";
}
