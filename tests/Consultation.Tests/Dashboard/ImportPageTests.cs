using System.Text;
using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard;

/// <summary>
/// The secretariat's import page (<c>/ui/processes/gcm/import</c>): a file checked by a dry run that writes nothing and
/// names each wrong cell, then committed once from the form the dry run offers, however often that form is submitted.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ImportPageTests(DashboardFactory dashboard)
{
    private const string ImportPath = "/ui/processes/gcm/import";

    [Fact]
    public async Task The_secretariat_reaches_the_import_form_from_the_process_page_and_can_download_the_templates()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("sam", ["secretariat"], returnUrl: "/ui/processes/gcm");
        await page.WaitForURLAsync(url => url.EndsWith("/ui/processes/gcm", StringComparison.Ordinal));

        await page.Locator("[data-action='import'] a").ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith(ImportPath, StringComparison.Ordinal));
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await PageAccessibility.AssertHeadingAndLabelledControlsAsync(page);
        Assert.Equal("Import a spreadsheet", await page.TextAsync("h1"));
        Assert.Equal("multipart/form-data", await page.Locator("form[data-form='check']").GetAttributeAsync("enctype"));
        Assert.Equal(1, await page.GetByLabel("Spreadsheet (CSV or XLSX)").CountAsync());
        var template = await page.APIRequest.GetAsync((await page.Locator("a[data-template='positions']").GetAttributeAsync("href"))!);
        Assert.Equal(200, template.Status);
        Assert.Contains("stance", (await template.TextAsync()).Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(["stakeholders", "issues", "submissions", "positions", "workbook"], await page.Locator("a[data-template]").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.template)"));
        var workbook = await page.APIRequest.GetAsync((await page.Locator("a[data-template='workbook']").GetAttributeAsync("href"))!);
        Assert.Equal(200, workbook.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Headers["content-type"]);
        Assert.Equal("PK"u8.ToArray(), (await workbook.BodyAsync())[..2]);
        await page.ScreenshotAsync("import-form");
    }

    [Fact]
    public async Task Others_get_no_link_and_are_refused_the_page()
    {
        var facilitator = await dashboard.NewPageAsync();
        await facilitator.SignInAsync("fatima", ["facilitator"], returnUrl: "/ui/processes/gcm");
        await facilitator.WaitForURLAsync(url => url.EndsWith("/ui/processes/gcm", StringComparison.Ordinal));
        Assert.Equal(0, await facilitator.Locator("[data-action='import']").CountAsync());

        var refused = await facilitator.GotoAsync(ImportPath);
        Assert.Equal(403, refused!.Status);
        Assert.Contains("'secretariat'", await facilitator.TextAsync("main"), StringComparison.Ordinal);

        var elsewhere = await dashboard.NewPageAsync();
        await elsewhere.SignInAsync("sol", ["secretariat"], processes: "another-process", returnUrl: "/ui");
        await elsewhere.WaitForURLAsync(url => url.EndsWith("/ui", StringComparison.Ordinal));
        var outside = await elsewhere.GotoAsync(ImportPath);
        Assert.Equal(403, outside!.Status);
        Assert.Contains("not assigned to process 'gcm'", await elsewhere.TextAsync("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_of_a_file_with_a_bad_cell_names_its_row_and_column_and_writes_nothing()
    {
        var page = await SecretariatAtImportAsync();
        var before = await dashboard.CountEventsAsync();
        var csv = """
            issue,stakeholder,stance,summary,statedOn,meeting
            state-sovereignty,ECU,1,Supports a state-led approach,2017-12-05,stocktaking-2017
            human-rights,ECU,seven,Supports,2017-12-05,stocktaking-2017
            """;

        var response = await CheckAsync(page, "positions.csv", "text/csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(200, response.Status);
        Assert.Equal("Dry run of positions.csv", await page.TextAsync("h1"));
        var error = page.Locator("tr[data-error='positions!3:stance']");
        Assert.Equal("positions", (await error.Locator("[data-field='sheet']").InnerTextAsync()).Trim());
        Assert.Equal("3", (await error.Locator("[data-field='row']").InnerTextAsync()).Trim());
        Assert.Equal("stance", (await error.Locator("[data-field='column']").InnerTextAsync()).Trim());
        Assert.NotEmpty((await error.Locator("[data-field='message']").InnerTextAsync()).Trim());
        Assert.Contains("nothing was written", await page.TextAsync("[data-field='outcome']"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("form[data-form='commit']").CountAsync());
        Assert.Equal(before, await dashboard.CountEventsAsync());
        await PageAccessibility.AssertHeadingAndLabelledControlsAsync(page);
        await page.ScreenshotAsync("import-dry-run-errors");
    }

    [Fact]
    public async Task A_committed_file_is_written_once_however_often_its_commit_form_is_submitted()
    {
        var (first, second) = ($"cso-{Guid.NewGuid():N}"[..12], $"cso-{Guid.NewGuid():N}"[..12]);
        var csv = $"key,kind,name\n{first},CivilSociety,Forum imported from the page\n{second},CivilSociety,Network imported from the page\n";
        var page = await SecretariatAtImportAsync();
        var before = await dashboard.CountEventsAsync();

        await CheckAsync(page, "stakeholders.csv", "text/csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal("2", await page.TextAsync("[data-total='events']"));
        Assert.Equal(before, await dashboard.CountEventsAsync());
        var commit = page.Locator("form[data-form='commit']");
        Assert.Equal(1, await commit.CountAsync());
        await PageAccessibility.AssertHeadingAndLabelledControlsAsync(page);

        // The same commit form sent twice at once (a double click), as the browser would post it.
        var fields = await commit.Locator("input[type='hidden']").EvaluateAllAsync<string[][]>("inputs => inputs.map(i => [i.name, i.value])");
        IFormData Form()
        {
            var form = page.APIRequest.CreateFormData();
            foreach (var field in fields)
            {
                form.Set(field[0], field[1]);
            }

            return form;
        }

        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => page.APIRequest.PostAsync(ImportPath, new() { Multipart = Form() })));

        Assert.All(twice, r => Assert.Equal(200, r.Status));
        var bodies = await Task.WhenAll(twice.Select(r => r.TextAsync()));
        Assert.Single(bodies, b => !b.Contains("data-field=\"imported-before\"", StringComparison.Ordinal));
        Assert.Equal(before + 2, await dashboard.CountEventsAsync());

        // And once more from the page itself: the first answer again, nothing written.
        var again = await page.RunAndWaitForResponseAsync(() => commit.Locator("button[type='submit']").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(200, again.Status);
        Assert.Equal("Imported stakeholders.csv", await page.TextAsync("h1"));
        Assert.Contains("Nothing was written again", await page.TextAsync("[data-field='imported-before']"), StringComparison.Ordinal);
        Assert.Equal(before + 2, await dashboard.CountEventsAsync());
        await page.ScreenshotAsync("import-committed");

        var api = dashboard.Api();
        Assert.Equal("Forum imported from the page", (await api.GetJsonAsync($"/stakeholders/{first}")).GetProperty("name").GetString());
        Assert.Equal("Network imported from the page", (await api.GetJsonAsync($"/stakeholders/{second}")).GetProperty("name").GetString());

        // Recorded as the signed-in user, in the role the import needs, by the import's own command.
        var registered = Assert.Single((await api.GetJsonAsync($"/audit/streams/{first}")).EnumerateArray());
        Assert.Equal(
            ("sam", "secretariat", "ImportSpreadsheet"),
            (registered.GetProperty("recordedBy").GetProperty("user").GetString(), registered.GetProperty("recordedBy").GetProperty("role").GetString(), registered.GetProperty("command").GetString()));
    }

    [Fact]
    public async Task A_commit_form_sent_with_another_file_is_refused_and_writes_nothing()
    {
        var key = $"cso-{Guid.NewGuid():N}"[..12];
        var page = await SecretariatAtImportAsync();
        await CheckAsync(page, "stakeholders.csv", "text/csv", Encoding.UTF8.GetBytes($"key,kind,name\n{key},CivilSociety,Checked\n"));
        var fields = await page.Locator("form[data-form='commit'] input[type='hidden']").EvaluateAllAsync<string[][]>("inputs => inputs.map(i => [i.name, i.value])");
        var before = await dashboard.CountEventsAsync();

        var form = page.APIRequest.CreateFormData();
        foreach (var field in fields)
        {
            form.Set(field[0], field[0] == "content" ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"key,kind,name\n{key},CivilSociety,Not what was checked\n")) : field[1]);
        }

        var response = await page.APIRequest.PostAsync(ImportPath, new() { Multipart = form });

        Assert.Equal(422, response.Status);
        Assert.Contains("not the file the dry run checked", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await dashboard.CountEventsAsync());
    }

    [Fact]
    public async Task A_file_too_large_to_carry_back_is_chosen_again_and_must_be_the_one_checked()
    {
        var key = $"cso-{Guid.NewGuid():N}"[..12];

        // One stakeholder, then over 1 MiB of empty rows (skipped, not counted): the commit form cannot carry it.
        byte[] File(string name) => Encoding.UTF8.GetBytes($"key,kind,name\n{key},CivilSociety,{name}\n" + string.Concat(Enumerable.Repeat(",,\n", 400_000)));
        var page = await SecretariatAtImportAsync();
        await CheckAsync(page, "large.csv", "text/csv", File("Checked forum"));
        var commit = page.Locator("form[data-form='commit']");
        Assert.Equal(0, await commit.Locator("input[name='content']").CountAsync());
        var chooseAgain = commit.GetByLabel("The same file, large.csv");
        await PageAccessibility.AssertHeadingAndLabelledControlsAsync(page);
        var before = await dashboard.CountEventsAsync();

        await chooseAgain.SetInputFilesAsync(new FilePayload { Name = "large.csv", MimeType = "text/csv", Buffer = File("Another forum") });
        var changed = await page.RunAndWaitForResponseAsync(() => commit.Locator("button[type='submit']").ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(422, changed.Status);
        Assert.Contains("not the file the dry run checked", await page.TextAsync("[data-field='problem']"), StringComparison.Ordinal);
        Assert.Equal(before, await dashboard.CountEventsAsync());

        await CheckAsync(page, "large.csv", "text/csv", File("Checked forum"));
        await page.Locator("form[data-form='commit'] input[type='file']").SetInputFilesAsync(new FilePayload { Name = "large.csv", MimeType = "text/csv", Buffer = File("Checked forum") });
        var committed = await page.RunAndWaitForResponseAsync(() => page.Locator("form[data-form='commit'] button[type='submit']").ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(200, committed.Status);
        Assert.Equal("Imported large.csv", await page.TextAsync("h1"));
        Assert.Equal(before + 1, await dashboard.CountEventsAsync());
        Assert.Equal("Checked forum", (await dashboard.Api().GetJsonAsync($"/stakeholders/{key}")).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("minutes.pdf", "application/pdf", "is not a spreadsheet this page takes")]
    [InlineData("broken.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "not a readable XLSX workbook")]
    [InlineData("notes.csv", "text/csv", "This header names none of them")]
    public async Task A_file_that_is_not_a_readable_spreadsheet_is_refused_on_the_page_with_the_reason(string name, string type, string reason)
    {
        var page = await SecretariatAtImportAsync();
        var before = await dashboard.CountEventsAsync();

        var response = await CheckAsync(page, name, type, Encoding.UTF8.GetBytes("%PDF-1.4 not a spreadsheet,\u0001\u0002\n"));

        Assert.Equal(400, response.Status);
        Assert.Contains(reason, await page.TextAsync("[data-field='problem']"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("form[data-form='check']").CountAsync());
        Assert.Equal(before, await dashboard.CountEventsAsync());
    }

    [Fact]
    public async Task A_file_over_the_import_limit_is_refused_on_the_page_before_it_is_read()
    {
        var page = await SecretariatAtImportAsync();

        var response = await CheckAsync(page, "large.csv", "text/csv", new byte[(8 * 1024 * 1024) + 1]);

        Assert.Equal(413, response.Status);
        Assert.Contains("at most 8 MiB", await page.TextAsync("[data-field='problem']"), StringComparison.Ordinal);
    }

    private async Task<IPage> SecretariatAtImportAsync()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("sam", ["secretariat"], returnUrl: ImportPath);
        await page.WaitForURLAsync(url => url.EndsWith(ImportPath, StringComparison.Ordinal));
        return page;
    }

    /// <summary>Chooses the file in the check form and submits it, as a person would; the page's answer.</summary>
    private static async Task<IResponse> CheckAsync(IPage page, string name, string type, byte[] content)
    {
        var form = page.Locator("form[data-form='check']");
        await form.Locator("input[type='file']").SetInputFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = content });
        return await page.RunAndWaitForResponseAsync(() => form.Locator("button[type='submit']").ClickAsync(), r => r.Request.Method == "POST");
    }
}
