using System.Net.Http.Json;
using Consultation.Convergence.Measuring;
using Consultation.Imports;
using Consultation.Positions.Views;

namespace Consultation.Tests.Imports;

/// <summary>
/// Issue 25's case, end to end on PostgreSQL: a Polis-style online consultation — participants and the groups they joined,
/// statements as issues, one survey answer per participant and a position for each statement it answered, no meeting —
/// brought in with ONE workbook: checked by a dry run, committed, re-sent, measured.
/// </summary>
public sealed class PolisImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    [Fact]
    public async Task One_workbook_brings_a_written_consultation_in_dry_run_first_then_once_however_often_it_is_sent()
    {
        var polis = new Polis($"p{Guid.NewGuid():N}"[..9], participants: 36);
        var process = await _secretariat.LaunchProcessAsync();
        var file = ImportRequests.Workbook(polis.Sheets());
        var before = await api.CountEventsAsync();

        var dryRun = await Client.SendFileAsync(ImportRequests.Url(process, dryRun: true), file, ImportRequests.Xlsx);

        Assert.True(dryRun.StatusCode == HttpStatusCode.OK, await dryRun.Content.ReadAsStringAsync());
        var checkedOnly = await dryRun.ReadAsync<ImportSpreadsheet.Result>();
        Assert.Empty(checkedOnly.Errors);
        Assert.Equal((polis.Rows, polis.Events), (checkedOnly.Rows, checkedOnly.Events));
        Assert.Equal(polis.Rows, checkedOnly.Written.Count); // every row, with what it writes
        Assert.Equal(
            ["StakeholderRegistered", "StakeholderJoinedGroup", "StakeholderAccredited"],
            checkedOnly.Written.First(r => r is { Sheet: "stakeholders", Row: 2 }).Writes.Select(w => w.Kind));
        Assert.Equal(before, await api.CountEventsAsync());

        var key = Guid.NewGuid().ToString("N");
        var commit = await Client.SendFileAsync(ImportRequests.Url(process, dryRun: false), file, ImportRequests.Xlsx, key);

        Assert.True(commit.StatusCode == HttpStatusCode.OK, await commit.Content.ReadAsStringAsync());
        var committed = await commit.ReadAsync<ImportSpreadsheet.Result>();
        Assert.True(committed.Committed);
        Assert.Equal(checkedOnly.Events, committed.Events);
        Assert.Equal(before + polis.Events, await api.CountEventsAsync());

        foreach (var issue in Enumerable.Range(1, Polis.Issues))
        {
            var matrix = await Client.GetFromJsonAsync<IssuePositions.Matrix>($"/processes/{process}/issues/{Polis.Issue(issue)}/positions?pageSize=200", HttpExtensions.Json);
            var planted = polis.Answering(issue).ToDictionary(polis.Participant, i => (Polis.Submission(i), Polis.Stance(i, issue)));
            Assert.Equal(planted, matrix!.Items.ToDictionary(r => r.Stakeholder, r => (r.Submission!, r.Stance)));
            Assert.All(matrix.Items, r => Assert.Null(r.Meeting));
        }

        var again = await Client.SendFileAsync(ImportRequests.Url(process, dryRun: false), file, ImportRequests.Xlsx, key);

        Assert.True(again.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(await commit.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(before + polis.Events, await api.CountEventsAsync());

        // The first statement's convergence, measured through the API, counts the planted stances (groups by kind of stakeholder).
        var measure = (await Client.GetFromJsonAsync<IssueConvergence.Answer>($"/processes/{process}/issues/{Polis.Issue(1)}/convergence", HttpExtensions.Json))!.Measure;
        var answering = polis.Answering(1).ToList();
        Assert.Equal((answering.Count, answering.Count(i => Polis.Stance(i, 1) >= 1)), (measure.Positions, measure.Counts.Supporters));
        Assert.Equal(
            answering.GroupBy(Polis.KindOf).ToDictionary(g => g.Key, g => (g.Count(), g.Count(i => Polis.Stance(i, 1) >= 1))),
            measure.Groups.Where(g => g.Positions > 0).ToDictionary(g => g.Group, g => (g.Positions, g.Supporters)));
    }

    [Fact]
    public async Task One_wrong_cell_in_each_sheet_is_named_by_sheet_row_and_column_and_nothing_is_written()
    {
        var polis = new Polis($"p{Guid.NewGuid():N}"[..9], participants: 4);
        var process = await _secretariat.LaunchProcessAsync();
        var sheets = polis.Sheets();
        ((Dictionary<string, object>[])sheets["stakeholders"])[0]["kind"] = "Person";
        ((Dictionary<string, object>[])sheets["issues"])[1]["title"] = new string('t', 301);
        ((Dictionary<string, object>[])sheets["submissions"])[1]["channel"] = "Fax";
        ((Dictionary<string, object>[])sheets["positions"])[2]["stance"] = 7;
        var before = await api.CountEventsAsync();

        var commit = await Client.SendFileAsync(ImportRequests.Url(process, dryRun: false), ImportRequests.Workbook(sheets), ImportRequests.Xlsx);

        var errors = (await commit.AssertProblemAsync(422)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("stakeholders!2:kind", errors);
        Assert.Contains("issues!3:title", errors);
        Assert.Contains("submissions!3:channel", errors);
        Assert.Contains("positions!4:stance", errors);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    /// <summary>
    /// A Polis-style consultation: participants (people are 'Other' in the registry, besides civil society and academia), each
    /// in one of three groups registered below them; <see cref="Issues"/> statements, some with a long full text; one survey
    /// answer per participant addressing two statements of three, and a position for each, citing it.
    /// </summary>
    private sealed class Polis(string prefix, int participants)
    {
        public const int Issues = 12;

        private const int Groups = 3;

        private static readonly string[] Kinds = ["Other", "CivilSociety", "Academia"];

        public int Rows => participants + Groups + Issues + participants + Positions;

        /// <summary>Per participant a registration, a join and an accreditation; per group a registration; then an event per other row.</summary>
        public int Events => (3 * participants) + Groups + Issues + participants + Positions;

        private int Positions => Enumerable.Range(1, Issues).Sum(j => Answering(j).Count());

        public static string Issue(int j) => $"statement-{j}";

        public static string Submission(int i) => $"survey-{i}";

        public static string KindOf(int i) => Kinds[i % Kinds.Length];

        public static int Stance(int i, int j) => (((i * 7) + (j * 3)) % 5) - 2;

        public string Participant(int i) => $"{prefix}-{i}";

        public IEnumerable<int> Answering(int issue) => Enumerable.Range(1, participants).Where(i => Addresses(i, issue));

        public Dictionary<string, object> Sheets() => new()
        {
            ["stakeholders"] = (Dictionary<string, object>[])
            [
                .. Enumerable.Range(1, participants).Select(i => ImportRequests.Row(
                    ("key", Participant(i)), ("kind", KindOf(i)), ("name", $"Participant {i}"), ("groups", $"{Group(i % Groups)}:2017-05-01"), ("accreditedOn", new DateTime(2017, 5, 1)))),
                .. Enumerable.Range(0, Groups).Select(g => ImportRequests.Row(
                    ("key", Group(g)), ("kind", "GroupOrBloc"), ("name", $"Opinion group {g}"), ("groups", null), ("accreditedOn", null))),
            ],
            ["issues"] = Enumerable.Range(1, Issues).Select(j => ImportRequests.Row(
                ("issue", Issue(j)),
                ("title", $"Statement {j}"),
                ("description", j % 4 == 1 ? string.Join("\n\n", Enumerable.Range(1, 60).Select(p => $"Paragraph {p} of statement {j}, as the participant wrote it.")) : $"Statement {j} in full."),
                ("theme", j <= Issues / 2 ? "Pathways" : "Rights"),
                ("parentIssue", j == Issues ? Issue(1) : null))).ToArray(),
            ["submissions"] = Enumerable.Range(1, participants).Select(i => ImportRequests.Row(
                ("submission", Submission(i)),
                ("from", Participant(i)),
                ("receivedOn", ReceivedOn(i).ToDateTime(TimeOnly.MinValue)),
                ("issues", string.Join("; ", Enumerable.Range(1, Issues).Where(j => Addresses(i, j)).Select(Issue))),
                ("channel", "Survey"),
                ("title", $"Answers of participant {i} to the online survey"),
                ("language", "en"))).ToArray(),
            ["positions"] = Enumerable.Range(1, participants).SelectMany(i => Enumerable.Range(1, Issues).Where(j => Addresses(i, j)).Select(j => ImportRequests.Row(
                ("issue", Issue(j)),
                ("stakeholder", Participant(i)),
                ("stance", Stance(i, j)),
                ("summary", $"Participant {i} on statement {j}"),
                ("statedOn", ReceivedOn(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                ("submission", Submission(i))))).ToArray(),
        };

        private static bool Addresses(int i, int j) => (i + j) % 3 != 0;

        private static DateOnly ReceivedOn(int i) => new DateOnly(2017, 10, 1).AddDays(i % 20);

        private string Group(int g) => $"{prefix}-g{g}";
    }
}
