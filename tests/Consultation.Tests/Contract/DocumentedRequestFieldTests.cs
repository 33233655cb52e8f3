using System.Text.Json.Nodes;
using Consultation.Tests.Reliability;

namespace Consultation.Tests.Contract;

/// <summary>
/// The document's request schemas tell the truth about the running service: every required field is refused when left out
/// or null, naming it; every optional one is not; every enum name is accepted and other text refused; every example passes
/// validation. Generated from the served document, so a new command is checked without being listed here.
/// </summary>
public sealed class DocumentedRequestFieldTests(ReliabilityApiFactory api) : IClassFixture<ReliabilityApiFactory>
{
    /// <summary>
    /// Optional fields a validator requires only because of the example's other values (JSON Schema in the document does
    /// not express "required when kind is Figure"; the operations' descriptions say it).
    /// </summary>
    private static readonly HashSet<string> RequiredByTheExamplesOtherValues =
    [
        "POST /stakeholders regionalGroup", // a Member State belongs to a regional group
        "POST /processes/{key}/meetings/{meeting}/findings value", // a figure has a value, unit and source
        "POST /processes/{key}/meetings/{meeting}/findings unit",
        "POST /processes/{key}/meetings/{meeting}/findings source",
        "POST /processes/{process}/issues/{issue}/positions quoteLanguage", // a quote has a language
        "POST /processes/{process}/issues/{issue}/positions meeting", // a position cites a meeting or a submission (the examples cite a meeting)
        "POST /processes/{process}/issues/{issue}/positions/{stakeholder}/revise meeting",
        "POST /processes/{process}/issues/{issue}/positions/{stakeholder}/withdraw meeting",
        "PUT /processes/{process}/convergence-settings/groupings/{grouping} blocs", // a grouping of blocs lists them
    ];

    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Every_operation_with_a_body_has_an_example_that_passes_validation()
    {
        var bodies = DocumentedBody.In((await ServedDocument.LoadAsync(_client)).Json);
        Assert.True(bodies.Count > 30, $"Only {bodies.Count} operations with a body");

        var problems = new List<string>();
        foreach (var body in bodies)
        {
            if (body.Fields.Count > 0 && body.Example.Count == 0)
            {
                problems.Add($"{body}: no example");
                continue;
            }

            var errors = await DocumentedBody.ValidationErrorsAsync(await body.SendAsync(_client, body.Example));
            if (errors is not null)
            {
                problems.Add($"{body}: the example is refused as invalid ({string.Join(", ", errors)})");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Required_fields_are_refused_missing_or_null_and_optional_ones_are_not()
    {
        var problems = new List<string>();
        foreach (var body in DocumentedBody.In((await ServedDocument.LoadAsync(_client)).Json).Where(b => b.Example.Count > 0))
        {
            foreach (var field in body.Fields)
            {
                foreach (var leaveOut in new[] { true, false })
                {
                    var errors = await DocumentedBody.ValidationErrorsAsync(await body.SendAsync(_client, body.ExampleWith(field.Name, null, leaveOut)));
                    var named = errors?.Contains(field.Name) == true;
                    var how = leaveOut ? "left out" : "null";
                    if (field.Required && !named)
                    {
                        problems.Add($"{body}: required '{field.Name}' {how} is not refused naming it");
                    }
                    else if (!field.Required && named && !RequiredByTheExamplesOtherValues.Contains($"{body} {field.Name}"))
                    {
                        problems.Add($"{body}: optional '{field.Name}' {how} is refused");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Enum_fields_accept_every_documented_name_and_refuse_others()
    {
        var problems = new List<string>();
        var checkedFields = 0;
        foreach (var body in DocumentedBody.In((await ServedDocument.LoadAsync(_client)).Json).Where(b => b.Example.Count > 0))
        {
            foreach (var field in body.Fields.Where(f => f.EnumNames.Count > 0))
            {
                checkedFields++;
                foreach (var name in field.EnumNames)
                {
                    var errors = await DocumentedBody.ValidationErrorsAsync(await body.SendAsync(_client, body.ExampleWith(field.Name, JsonValue.Create(name), leaveOut: false)));
                    if (errors?.Contains(field.Name) == true)
                    {
                        problems.Add($"{body}: documented '{field.Name}' value '{name}' is refused");
                    }
                }

                var refused = await DocumentedBody.ValidationErrorsAsync(await body.SendAsync(_client, body.ExampleWith(field.Name, JsonValue.Create("NotAName"), leaveOut: false)));
                if (refused?.Contains(field.Name) != true)
                {
                    problems.Add($"{body}: '{field.Name}' accepts a name the document does not list");
                }
            }
        }

        Assert.True(checkedFields >= 4, $"Only {checkedFields} enum fields found");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
