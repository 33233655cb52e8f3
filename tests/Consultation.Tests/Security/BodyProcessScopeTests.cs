using System.Reflection;
using Consultation.Infrastructure.Pipeline;

namespace Consultation.Tests.Security;

/// <summary>
/// A process named anywhere in a request — the body, a query filter under another name — is checked against the token,
/// and the shared stakeholder registry shows a reader only the accreditations to the reader's own processes.
/// </summary>
public sealed class BodyProcessScopeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Mine = "body-mine";
    private const string Theirs = "body-theirs";

    private static readonly string ScopedToken = TestIdentity.Token("clerk-b", AccessMatrix.Roles, [Mine]);

    [Fact]
    public async Task Accrediting_to_a_process_named_in_the_body_that_is_not_the_users_is_refused_and_writes_nothing()
    {
        await ArrangeAsync();
        var clerk = new Secretariat(api.CreateClient().Authorize(ScopedToken));
        var before = await api.CountEventsAsync();

        var response = await clerk.UpdateAsync("/stakeholders/iom", "accreditations", new { process = Theirs, accreditedOn = "2017-04-10" });

        var problem = await response.AssertProblemAsync(403);
        Assert.Contains($"'{Theirs}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(HttpStatusCode.OK, (await clerk.UpdateAsync("/stakeholders/iom", "accreditations", new { process = Mine, accreditedOn = "2017-04-10" })).StatusCode);
    }

    [Fact]
    public async Task Filtering_the_registry_by_another_process_is_refused()
    {
        await ArrangeAsync();
        var client = api.CreateClient().Authorize(ScopedToken);

        await (await client.GetAsync($"/stakeholders?accreditedTo={Theirs}")).AssertProblemAsync(403);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/stakeholders?accreditedTo={Mine}")).StatusCode);
    }

    [Fact]
    public async Task The_registry_shows_a_reader_only_accreditations_to_the_readers_processes()
    {
        await ArrangeAsync();
        var everyone = new Secretariat(api.CreateClient());
        await everyone.UpdateOkAsync("/stakeholders/unhcr", "accreditations", new { process = Mine, accreditedOn = "2017-04-10" });
        await everyone.UpdateOkAsync("/stakeholders/unhcr", "accreditations", new { process = Theirs, accreditedOn = "2017-04-10" });
        var client = api.CreateClient().Authorize(ScopedToken);

        foreach (var (url, pick) in new (string, Func<JsonElement, JsonElement>)[]
        {
            ("/stakeholders/unhcr", r => r),
            ("/stakeholders/unhcr/profile", r => r.GetProperty("stakeholder")),
            ("/stakeholders?search=unhcr", r => r.GetProperty("items")[0]),
        })
        {
            using var answer = JsonDocument.Parse(await client.GetStringAsync(url));
            var accreditations = pick(answer.RootElement).GetProperty("accreditations").EnumerateArray().Select(a => a.GetProperty("process").GetString()).ToList();
            Assert.True(accreditations.SequenceEqual([Mine]), $"{url}: {string.Join(", ", accreditations)}");
        }

        using var whole = JsonDocument.Parse(await everyone.Client.GetStringAsync("/stakeholders/unhcr"));
        Assert.Equal(2, whole.RootElement.GetProperty("accreditations").GetArrayLength());
    }

    /// <summary>A message property that names a process under a name the pipeline does not recognise would slip past it.</summary>
    [Fact]
    public void Every_message_property_naming_a_process_is_checked_by_the_pipeline()
    {
        var messages = typeof(ProcessScopeBehavior<,>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Mediator.IMessage).IsAssignableFrom(t));
        var missed = messages
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && (p.Name.Contains("Process", StringComparison.Ordinal) || p.Name.EndsWith("To", StringComparison.Ordinal) && p.Name != "To"))
                .Where(p => !ProcessProperties.Of(t).Contains(p))
                .Select(p => $"{t.FullName}.{p.Name}"))
            .ToList();

        Assert.True(missed.Count == 0, "Not checked against the user's processes (name it Process or mark it [NamesProcess]):\n" + string.Join('\n', missed));
    }

    private async Task ArrangeAsync()
    {
        var secretariat = new Secretariat(api.CreateClient());
        foreach (var process in new[] { Mine, Theirs })
        {
            if ((await secretariat.Client.GetAsync($"/processes/{process}")).StatusCode == HttpStatusCode.NotFound)
            {
                await secretariat.LaunchProcessAsync(process);
            }
        }

        await secretariat.EnsureStakeholderAsync("iom", kind: "IntergovernmentalOrganization", name: "IOM", regionalGroup: null);
        await secretariat.EnsureStakeholderAsync("unhcr", kind: "UnEntity", name: "UNHCR", regionalGroup: null);
    }
}
