using System.Linq.Expressions;
using Consultation.Meetings;
using Consultation.Positions.Views;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Positions;

/// <summary>
/// The SQL the Positions module writes by hand, in one place: every JSON field it names comes from the member it reads
/// (<see cref="StoredJson"/>), every duplicated column from the mapping (<see cref="DocumentTables.DuplicatedColumnOf{T}"/>),
/// so a renamed member renames the query. The JSON parts are built once; only the tables (which carry the schema: a rebuild
/// writes into a scratch one) are added per call.
/// </summary>
public static class PositionsSql
{
    private static string Meeting(Expression<Func<MeetingDetails, object?>> member) => StoredJson.Column(member);

    private static string Fact(Expression<Func<PositionFactsLoader.MeetingFacts, object?>> member) => StoredJson.Key(member);

    private static readonly string MeetingFactsSelect =
        $"select jsonb_build_object({Fact(f => f.Id)}, d.id, {Fact(f => f.Process)}, r.{Meeting(m => m.Process)}, "
        + $"{Fact(f => f.StartsOn)}, r.{Meeting(m => m.StartsOn)}, {Fact(f => f.EndsOn)}, r.{Meeting(m => m.EndsOn)}, {Fact(f => f.Status)}, r.{Meeting(m => m.Status)}, "
        + $"{Fact(f => f.Participants)}, (select coalesce(jsonb_agg({StoredJson.Json<ParticipantDetails>("p", p => p.Stakeholder)}), '[]'::jsonb) "
        + $"from jsonb_array_elements(r.{Meeting(m => m.Participants)}) p)) from ";

    private static readonly string MeetingFactsRest =
        $" as d, jsonb_to_record(d.data) as r({Meeting(m => m.Process)} jsonb, {Meeting(m => m.StartsOn)} jsonb, {Meeting(m => m.EndsOn)} jsonb, "
        + $"{Meeting(m => m.Status)} jsonb, {Meeting(m => m.Participants)} jsonb) where d.id = any(?)";

    /// <summary>
    /// Of each meeting (keys: parameter 1) only what <see cref="PositionFactsLoader.MeetingFacts"/> holds, as one JSON object
    /// per row. The document is taken apart once (<c>jsonb_to_record</c>): each <c>d.data -&gt;</c> of a large (toasted)
    /// document would fetch and decompress all of it again.
    /// </summary>
    public static string SelectMeetingFacts(IDocumentStore store) => MeetingFactsSelect + store.TableOf<MeetingDetails>() + MeetingFactsRest;

    private static string Process(Expression<Func<ProcessDetails, object?>> member) => StoredJson.Column(member);

    private static string ProcessFact(Expression<Func<ProcessFacts.Row, object?>> member) => StoredJson.Key(member);

    private static readonly string ProcessFactsSelect =
        $"select jsonb_build_object({ProcessFact(f => f.Key)}, d.id, {ProcessFact(f => f.Status)}, r.{Process(p => p.Status)}, "
        + $"{ProcessFact(f => f.StartsOn)}, r.{Process(p => p.StartsOn)}, {ProcessFact(f => f.IssueStatus)}, "
        + $"(select {StoredJson.Json<IssueDetails>("i", i => i.Status)} from jsonb_array_elements(r.{Process(p => p.Issues)}) i "
        + $"where {StoredJson.Text<IssueDetails>("i", i => i.Key)} = ? limit 1)) from ";

    private static readonly string ProcessFactsRest =
        $" as d, jsonb_to_record(d.data) as r({Process(p => p.Status)} jsonb, {Process(p => p.StartsOn)} jsonb, {Process(p => p.Issues)} jsonb) where d.id = ?";

    /// <summary>
    /// The process's status and start (key: parameter 2) and one issue's (key: parameter 1), as <see cref="ProcessFacts.Row"/>; the
    /// document, listing hundreds of issues, is taken apart once as in <see cref="SelectMeetingFacts"/>.
    /// </summary>
    public static string SelectProcessFacts(IDocumentStore store) => ProcessFactsSelect + store.TableOf<ProcessDetails>() + ProcessFactsRest;

    /// <summary>
    /// A <c>where</c> clause for stakeholders: those whose key is in parameter 1, and those that ever belonged to a group in
    /// parameter 2.
    /// </summary>
    public static readonly string OwnersAndMembers =
        $"where d.id = any(?) or exists (select 1 from jsonb_array_elements({StoredJson.Json<StakeholderDetails>("data", s => s.Groups)}) g "
        + $"where {StoredJson.Text<GroupMembershipPeriod>("g", g => g.Group)} = any(?))";

    /// <summary>
    /// Inserts (or overwrites, as <c>Store</c>'s upsert does) rows of the versions table from arrays, one per column: the .NET
    /// type, then id, the serialized document, and the duplicated columns in this order: position key, process, issue,
    /// stakeholder, recorded at, superseded at, stated on, valid to.
    /// </summary>
    public static string InsertVersionRows(IReadOnlyStoreOptions options)
    {
        string[] columns =
        [
            options.DuplicatedColumnOf<PositionVersion>(v => v.PositionKey),
            options.DuplicatedColumnOf<PositionVersion>(v => v.Process),
            options.DuplicatedColumnOf<PositionVersion>(v => v.Issue),
            options.DuplicatedColumnOf<PositionVersion>(v => v.Stakeholder),
            options.DuplicatedColumnOf<PositionVersion>(v => v.RecordedAt),
            options.DuplicatedColumnOf<PositionVersion>(v => v.SupersededAt),
            options.DuplicatedColumnOf<PositionVersion>(v => v.StatedOn),
            options.DuplicatedColumnOf<PositionVersion>(v => v.ValidTo),
        ];
        var list = string.Join(", ", columns);
        var parameters = string.Join(", ", Enumerable.Repeat("?", columns.Length + 2));
        return $"""
             insert into {options.TableOf<PositionVersion>()} as d (id, data, mt_dotnet_type, {list})
             select r.id, r.data::jsonb, ?, {string.Join(", ", columns.Select(c => $"r.{c}"))}
             from unnest({parameters}) as r(id, data, {list})
             on conflict (id) do update set
                 data = excluded.data, mt_dotnet_type = excluded.mt_dotnet_type, mt_last_modified = transaction_timestamp(),
                 mt_version = md5(random()::text || clock_timestamp()::text)::uuid, {string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"))}
             """;
    }
}
