using Consultation.Infrastructure.Validation;
using Microsoft.OpenApi;

namespace Consultation.Tests.Contract;

/// <summary>
/// Dates in query strings (<c>statedBy</c>, <c>on</c>, <c>from</c>, <c>to</c>) take what dates in bodies take: <c>YYYY-MM-DD</c>
/// or a date-time with its offset, standing for the date on the clock at that offset. Anything else is refused with a 400
/// naming the parameter, the form and an excerpt of what came; the document states the same.
/// </summary>
public sealed class QueryDateParameterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    private HttpClient Client => _steps.Client;

    /// <summary>A process where MEX supported on 4 December and opposed from 6 December.</summary>
    private async Task<string> MexicoChangedItsMindAsync()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.StateAsync(process, "sovereignty", "MEX", 1, statedOn: "2017-12-04");
        await _steps.ReviseAsync(process, "sovereignty", "MEX", -1, statedOn: "2017-12-06");
        return process;
    }

    private static int StanceOf(JsonElement page) => Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("stance").GetInt32();

    [Fact]
    public async Task StatedBy_as_a_date_time_with_offset_is_the_date_on_the_clock_at_that_offset()
    {
        var process = await MexicoChangedItsMindAsync();
        var url = $"/processes/{process}/issues/sovereignty/positions?statedBy=";

        // 23:30 on 5 December in New York is already 6 December in UTC: the day asked about is the 5th.
        var evening = await (await Client.GetAsync(url + Uri.EscapeDataString("2017-12-05T23:30:00-05:00"))).ReadAsync<JsonElement>();
        var day = await (await Client.GetAsync(url + "2017-12-05")).ReadAsync<JsonElement>();
        Assert.Equal(1, StanceOf(evening));
        Assert.Equal(day.GetRawText(), evening.GetRawText());

        // '+' sent encoded, and sent bare (it arrives as a space), both read as the offset.
        Assert.Equal(-1, StanceOf(await (await Client.GetAsync(url + "2017-12-06T01:00:00%2B02:00")).ReadAsync<JsonElement>()));
        Assert.Equal(-1, StanceOf(await (await Client.GetAsync(url + "2017-12-06T01:00:00+02:00")).ReadAsync<JsonElement>()));
        Assert.Equal(-1, StanceOf(await (await Client.GetAsync(url + "2017-12-06T00:00:00Z")).ReadAsync<JsonElement>()));
    }

    [Fact]
    public async Task From_and_to_take_a_date_time_with_offset_as_its_date()
    {
        var process = await MexicoChangedItsMindAsync();

        var shifts = await (await Client.GetAsync($"/processes/{process}/shifts?from=2017-12-06T00:00:00Z&to={Uri.EscapeDataString("2017-12-06T23:59:00+14:00")}")).ReadAsync<JsonElement>();
        // 23:00 on 5 December at -05:00 is 6 December in UTC; the window ends on the 5th, before the revision.
        var before = await (await Client.GetAsync($"/processes/{process}/shifts?from=2017-12-04&to={Uri.EscapeDataString("2017-12-05T23:00:00-05:00")}")).ReadAsync<JsonElement>();

        Assert.Single(shifts.GetProperty("items").EnumerateArray());
        Assert.Equal("2017-12-06", shifts.GetProperty("from").GetString());
        Assert.Equal("2017-12-06", shifts.GetProperty("to").GetString());
        Assert.Empty(before.GetProperty("items").EnumerateArray());
        Assert.Equal("2017-12-05", before.GetProperty("to").GetString());
    }

    [Fact]
    public async Task On_as_a_date_time_with_offset_lists_the_members_of_that_day()
    {
        var group = await _steps.NewGroupAsync();
        await _steps.Secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");
        await _steps.JoinAsync("MEX", group, "2017-03-01");

        var before = await (await Client.GetAsync($"/stakeholders/{group}/members?on={Uri.EscapeDataString("2017-02-28T23:00:00-03:00")}")).ReadAsync<JsonElement>();
        var after = await (await Client.GetAsync($"/stakeholders?group={group}&on=2017-03-01T00:30:00Z")).ReadAsync<JsonElement>();

        Assert.Empty(before.GetProperty("items").EnumerateArray());
        Assert.Single(after.GetProperty("items").EnumerateArray());
    }

    public static TheoryData<string, string> Parameters => new()
    {
        { "/processes/{process}/issues/sovereignty/positions?statedBy=", "statedBy" },
        { "/processes/{process}/issues/sovereignty/positions/MEX/effective?statedBy=", "statedBy" },
        { "/processes/{process}/convergence?statedBy=", "statedBy" },
        { "/processes/{process}/shifts?from=", "from" },
        { "/processes/{process}/shifts?to=", "to" },
        { "/stakeholders/african-group/members?on=", "on" },
        { "/stakeholders?group=african-group&on=", "on" },
    };

    [Theory]
    [MemberData(nameof(Parameters))]
    public async Task Anything_else_is_refused_naming_the_parameter_the_form_and_what_came(string url, string parameter)
    {
        url = url.Replace("{process}", "gcm", StringComparison.Ordinal);

        var word = Assert.Single((await (await Client.GetAsync(url + "yesterday")).AssertProblemAsync(400)).ErrorsFor(parameter));
        var wrongDay = Assert.Single((await (await Client.GetAsync(url + "2017-02-30")).AssertProblemAsync(400)).ErrorsFor(parameter));
        var noOffset = Assert.Single((await (await Client.GetAsync(url + "2017-12-05T10:00:00")).AssertProblemAsync(400)).ErrorsFor(parameter));
        var longText = Assert.Single((await (await Client.GetAsync(url + new string('9', 100))).AssertProblemAsync(400)).ErrorsFor(parameter));

        Assert.Equal($"'{parameter}' must be {IsoDates.Expectation}, from 1900-01-01 to 2100-12-31; got 'yesterday'.", word);
        Assert.EndsWith("; got '2017-02-30'.", wrongDay, StringComparison.Ordinal);
        Assert.Contains("needs its offset", noOffset, StringComparison.Ordinal);
        Assert.EndsWith($"; got '{new string('9', 40)}… (100 characters)'.", longText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_states_the_form_of_every_query_date()
    {
        var document = await ServedDocument.LoadAsync(Client);
        var dates = document.Operations
            .Where(o => !o.Path.StartsWith("/audit/", StringComparison.Ordinal)) // the audit's from/to are moments, not dates
            .SelectMany(o => (o.Operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Query && p.Name is "statedBy" or "on" or "from" or "to")
                .Select(p => (Where: $"{o.Method} {o.Path} {p.Name}", Parameter: p)))
            .ToList();

        Assert.Contains(dates, d => d.Where == "GET /processes/{process}/shifts from");
        Assert.Contains(dates, d => d.Where == "GET /stakeholders/{group}/members on");
        Assert.All(dates, d =>
        {
            Assert.True(d.Parameter.Schema?.Pattern == IsoDates.Pattern, $"{d.Where}: pattern {d.Parameter.Schema?.Pattern}");
            Assert.Contains("date-time with offset", d.Parameter.Description ?? string.Empty, StringComparison.Ordinal);
        });
    }
}
