using System.Text.Json;
using Consultation.Convergence.OpinionGroups.Inference;
using Consultation.Synthetic;

namespace Consultation.Tests.Convergence.OpinionGroups;

/// <summary>The inference on matrices whose structure is known: planted groups found, noise called noise, same input same answer.</summary>
public sealed class OpinionGroupInferenceTests
{
    private static Dictionary<string, string> Found(InferredGroups inferred) =>
        inferred.Stakeholders.ToDictionary(s => s.Stakeholder, s => s.Group, StringComparer.Ordinal);

    [Theory]
    [InlineData(1, 2, 50, 40)]
    [InlineData(2, 3, 40, 60)]
    [InlineData(3, 3, 70, 200)]
    public void Planted_groups_are_recovered(int seed, int groups, int perGroup, int issues)
    {
        var planted = PlantedOpinions.Groups(seed, groups, perGroup, issues, fidelity: 0.75, coverage: 0.7);

        var inferred = OpinionGroupInference.Infer(planted.Matrix);

        Assert.True(inferred.Structure, inferred.Reason);
        Assert.Equal(groups, inferred.ChosenK);
        Assert.Equal(groups, inferred.Groups.Count);
        Assert.True(AdjustedRandIndex.Of(planted.Truth, Found(inferred)) >= 0.9, $"ARI {AdjustedRandIndex.Of(planted.Truth, Found(inferred))}");
        Assert.Equal(groups * perGroup, inferred.Groups.Sum(g => g.Size));
        Assert.Equal(new[] { "A", "B", "C" }[..groups], inferred.Groups.Select(g => g.Label));
        Assert.True(inferred.Groups.Zip(inferred.Groups.Skip(1)).All(p => p.First.Size >= p.Second.Size), "largest group first");
        Assert.InRange(inferred.Silhouette!.Value, InferenceSettings.Default.SilhouetteFloor, 1);
    }

    [Theory]
    [InlineData(1, 200, 100)]
    [InlineData(2, 60, 30)]
    [InlineData(3, 40, 12)]
    public void Random_stances_have_no_structure_and_make_one_group(int seed, int stakeholders, int issues)
    {
        var matrix = PlantedOpinions.Noise(seed, stakeholders, issues, coverage: 0.8);

        var inferred = OpinionGroupInference.Infer(matrix);

        Assert.False(inferred.Structure);
        Assert.Contains("no structure", inferred.Reason);
        var group = Assert.Single(inferred.Groups);
        Assert.Equal("A", group.Label);
        Assert.Equal(inferred.Stakeholders.Count, group.Size);
        Assert.Empty(group.Representative);
        Assert.Null(inferred.ChosenK);
        Assert.Equal(4, inferred.Silhouettes.Count);
        Assert.All(inferred.Silhouettes, s => Assert.True(s.Silhouette < InferenceSettings.Default.SilhouetteFloor));
    }

    [Fact]
    public void Too_few_stakeholders_on_the_map_make_one_group_whatever_their_positions()
    {
        // Two sharply opposed camps of 12: a structure a larger sample would show, but 24 < 30 stakeholders.
        var planted = PlantedOpinions.Groups(4, 2, 12, 20, fidelity: 1, coverage: 1);

        var inferred = OpinionGroupInference.Infer(planted.Matrix);

        Assert.False(inferred.Structure);
        Assert.Equal("24 stakeholder(s) with positions on at least 7 issue(s); at least 30 are needed to find groups", inferred.Reason);
        Assert.Equal(24, Assert.Single(inferred.Groups).Size);
        Assert.Empty(inferred.Silhouettes);
    }

    [Fact]
    public void Stakeholders_with_positions_on_too_few_issues_are_left_out_and_listed()
    {
        var planted = PlantedOpinions.Groups(5, 2, 40, 30, fidelity: 0.9, coverage: 1);
        List<StanceCell> cells =
        [
            .. planted.Cells,
            .. Enumerable.Range(0, 6).Select(j => new StanceCell("ZZ-FEW", $"issue-{j:D4}", 2)),
            .. Enumerable.Range(0, 7).Select(j => new StanceCell("ZZ-ENOUGH", $"issue-{j:D4}", 2)),
        ];

        var inferred = OpinionGroupInference.Infer(StanceMatrix.Of(cells));

        Assert.Equal(7, inferred.PositionsNeeded);
        Assert.Equal(new LeftOutStakeholder("ZZ-FEW", 6), Assert.Single(inferred.LeftOut));
        Assert.Null(inferred.GroupOf("ZZ-FEW"));
        Assert.NotNull(inferred.GroupOf("ZZ-ENOUGH"));
        Assert.Equal(81, inferred.Stakeholders.Count);
    }

    [Fact]
    public void With_fewer_than_seven_issues_a_stakeholder_needs_a_position_on_each()
    {
        var cells = Enumerable.Range(0, 40).SelectMany(s => Enumerable.Range(0, s == 0 ? 4 : 5).Select(j => new StanceCell($"S{s:D2}", $"i{j}", s % 2 == 0 ? 2 : -2)));

        var inferred = OpinionGroupInference.Infer(StanceMatrix.Of(cells));

        Assert.Equal(5, inferred.PositionsNeeded);
        Assert.Equal("S00", Assert.Single(inferred.LeftOut).Stakeholder);
    }

    [Fact]
    public void Unanimity_is_no_structure()
    {
        var cells = Enumerable.Range(0, 40).SelectMany(s => Enumerable.Range(0, 10).Select(j => new StanceCell($"S{s:D2}", $"i{j}", 1)));

        var inferred = OpinionGroupInference.Infer(StanceMatrix.Of(cells));

        Assert.False(inferred.Structure);
        Assert.Equal("the 40 stakeholders on the map vote alike on every issue", inferred.Reason);
        Assert.Equal(40, Assert.Single(inferred.Groups).Size);
    }

    [Fact]
    public void The_same_positions_in_any_order_give_the_same_answer()
    {
        var planted = PlantedOpinions.Groups(6, 3, 35, 50);
        var shuffled = planted.Cells.OrderBy(_ => Random.Shared.Next()).ToList();

        var first = JsonSerializer.Serialize(OpinionGroupInference.Infer(planted.Matrix));
        var again = JsonSerializer.Serialize(OpinionGroupInference.Infer(planted.Matrix));
        var reordered = JsonSerializer.Serialize(OpinionGroupInference.Infer(StanceMatrix.Of(shuffled)));

        Assert.Equal(first, again);
        Assert.Equal(first, reordered);
    }

    [Fact]
    public void The_map_puts_opposite_camps_on_opposite_sides_of_the_first_component()
    {
        var planted = PlantedOpinions.Groups(7, 2, 40, 30, fidelity: 0.9, coverage: 0.9);

        var inferred = OpinionGroupInference.Infer(planted.Matrix);

        var (a, b) = (inferred.Groups[0], inferred.Groups[1]);
        Assert.True(Math.Sign(a.Centre.X) == -Math.Sign(b.Centre.X), $"{a.Centre} {b.Centre}");
        Assert.InRange(inferred.FirstComponentShare, 0.2, 1);
        Assert.InRange(inferred.SecondComponentShare, 0, inferred.FirstComponentShare);
    }

    [Fact]
    public void Labels_follow_the_members_when_a_later_moment_reorders_the_groups()
    {
        // Moment 1: three camps of 50, 40 and 30. Moment 2: the third camp has grown to 80, so it comes first in the
        // inference's own order; its label must still be the one it had.
        var planted = PlantedOpinions.Groups(8, 3, 80, 60, fidelity: 0.8, coverage: 0.8);
        var camps = planted.Truth.GroupBy(t => t.Value).OrderBy(g => g.Key).Select(g => g.Select(t => t.Key).Order(StringComparer.Ordinal).ToList()).ToList();
        var atFirst = camps[0].Take(50).Concat(camps[1].Take(40)).Concat(camps[2].Take(30)).ToHashSet();
        var first = OpinionGroupInference.Infer(StanceMatrix.Of(planted.Cells.Where(c => atFirst.Contains(c.Stakeholder))));
        var atSecond = camps[0].Take(50).Concat(camps[1].Take(40)).Concat(camps[2]).ToHashSet();
        var second = OpinionGroupInference.Infer(StanceMatrix.Of(planted.Cells.Where(c => atSecond.Contains(c.Stakeholder))));

        var carried = second.LabelledAfter(first.Labelled);

        string LabelOf(InferredGroups g, string stakeholder) => g.GroupOf(stakeholder)!;
        Assert.Equal("C", LabelOf(first, camps[2][0]));
        Assert.Equal("A", LabelOf(second, camps[2][0]));
        Assert.Equal("C", LabelOf(carried, camps[2][0]));
        foreach (var camp in camps)
        {
            Assert.Equal(LabelOf(first, camp[0]), LabelOf(carried, camp[0]));
            Assert.Single(camp.Where(atSecond.Contains).Select(s => LabelOf(carried, s)).Distinct());
        }

        Assert.Equal(["C", "A", "B"], carried.Groups.Select(g => g.Label));
    }

    [Fact]
    public void A_planted_group_has_representative_issues_where_its_stance_sets_it_apart()
    {
        var planted = PlantedOpinions.Groups(9, 2, 50, 40, fidelity: 0.85, coverage: 0.8);

        var inferred = OpinionGroupInference.Infer(planted.Matrix);

        Assert.All(inferred.Groups, group =>
        {
            Assert.NotEmpty(group.Representative);
            Assert.True(group.Representative.Count <= 5);
            foreach (var issue in group.Representative)
            {
                Assert.True(issue.ShareZ > 1.2816 && issue.DifferenceZ > 1.2816);
                Assert.True(issue.GroupShare > issue.RestShare);
                var j = planted.Matrix.Issues.ToList().IndexOf(issue.Issue);
                var votes = group.Members.Select(m => planted.Matrix.Vote(planted.Matrix.Stakeholders.ToList().IndexOf(m), j)).OfType<sbyte>().ToList();
                Assert.Equal(votes.Count, issue.GroupPositions);
                Assert.Equal(votes.Count(v => issue.Side == VoteSide.For ? v > 0 : v < 0), issue.GroupCount);
            }
        });
    }
}
