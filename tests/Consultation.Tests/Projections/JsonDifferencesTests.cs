using Consultation.Projections;

namespace Consultation.Tests.Projections;

/// <summary>How a differing document is explained: the JSON paths that differ, with both values; absent is not the same as null.</summary>
public sealed class JsonDifferencesTests
{
    [Fact]
    public void Names_each_differing_path_with_both_values()
    {
        var differences = JsonDifferences.Between(
            """{"id":"MEX","name":"Tampered","groups":[{"group":"g77","from":"2017"}],"kind":"MemberState"}""",
            """{"kind":"MemberState","id":"MEX","name":"Mexico","groups":[{"group":"g77","from":"2018"},{"group":"lac"}]}""");

        Assert.Equal(
            [
                new FieldDifference("$.name", "\"Tampered\"", "\"Mexico\""),
                new FieldDifference("$.groups[0].from", "\"2017\"", "\"2018\""),
                new FieldDifference("$.groups[1]", null, """{"group":"lac"}"""),
            ],
            differences);
    }

    [Fact]
    public void An_absent_field_differs_from_a_null_one_and_odd_keys_are_quoted()
    {
        var differences = JsonDifferences.Between("""{"a":null,"b c":1}""", """{"b c":2}""");

        Assert.Equal([new FieldDifference("$.a", "null", null), new FieldDifference("$['b c']", "1", "2")], differences);
    }

    [Fact]
    public void Long_values_are_shortened()
    {
        var live = new string('x', 500);
        var field = Assert.Single(JsonDifferences.Between($$"""{"text":"{{live}}"}""", """{"text":"y"}"""));

        Assert.Equal(JsonDifferences.MaxValueLength + 1, field.Live!.Length);
        Assert.EndsWith("…", field.Live, StringComparison.Ordinal);
    }
}
