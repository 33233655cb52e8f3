using Consultation.Imports;

namespace Consultation.Tests.Imports;

/// <summary>The templates, imported exactly as served: they cannot drift from what the import reads.</summary>
public sealed class ImportTemplateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Kinds = ["stakeholders", "issues", "submissions", "positions"];

    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    [Fact]
    public async Task The_workbook_template_and_the_four_csv_templates_import_as_served_without_an_error()
    {
        var workbook = await Client.GetAsync("/imports/templates/workbook.xlsx");
        Assert.Equal(ImportRequests.Xlsx, workbook.Content.Headers.ContentType?.MediaType);
        var process = await _secretariat.LaunchProcessAsync();
        var before = await api.CountEventsAsync();

        var checkedOnly = await (await Client.SendFileAsync(ImportRequests.Url(process, dryRun: true), await workbook.Content.ReadAsByteArrayAsync(), ImportRequests.Xlsx))
            .ReadAsync<ImportSpreadsheet.Result>();

        Assert.Empty(checkedOnly.Errors);
        Assert.Equal(Kinds.Order(StringComparer.Ordinal), checkedOnly.Written.Select(r => r.Sheet));
        Assert.Equal(before, await api.CountEventsAsync());

        // Each CSV template on its own, committed in the order of the kinds: each example names what the ones before wrote.
        var other = await _secretariat.LaunchProcessAsync();
        foreach (var kind in Kinds)
        {
            var template = await Client.GetAsync($"/imports/templates/{kind}.csv");
            Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);

            var imported = await Client.SendFileAsync(ImportRequests.Url(other, dryRun: false), await template.Content.ReadAsByteArrayAsync(), "text/csv");

            Assert.True(imported.StatusCode == HttpStatusCode.OK, $"{kind}: {await imported.Content.ReadAsStringAsync()}");
            var result = await imported.ReadAsync<ImportSpreadsheet.Result>();
            Assert.Equal((1, kind), (result.Rows, result.Written.Single().Sheet));
        }

        var unknown = await (await Client.GetAsync("/imports/templates/meetings.csv")).AssertProblemAsync(404);
        Assert.Contains("'submissions.csv'", unknown.GetProperty("detail").GetString());
    }
}
