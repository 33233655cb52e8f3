using Consultation.Convergence.OpinionGroups.Inference;

namespace Consultation.Tests.Convergence.OpinionGroups;

/// <summary>Labels carried from one moment to the next by the members the groups share.</summary>
public sealed class GroupLabelsTests
{
    private static LabelledGroup Was(string label, params string[] members) => new(label, members);

    [Fact]
    public void Without_a_previous_moment_groups_are_lettered_in_order()
    {
        Assert.Equal(["A", "B", "C"], GroupLabels.Assign([["x"], ["y"], ["z"]], null));
        Assert.Equal(["A", "Z", "AA", "AB", "AZ", "BA"], new[] { 0, 25, 26, 27, 51, 52 }.Select(GroupLabels.Name));
    }

    [Fact]
    public void A_group_keeps_the_label_of_the_group_most_of_its_members_come_from_and_newcomers_do_not_count()
    {
        IReadOnlyList<LabelledGroup> before = [Was("A", "a1", "a2", "a3"), Was("B", "b1", "b2", "b3")];

        // Now: the B camp first (with two newcomers and a1, who crossed over), then the rest of A.
        var labels = GroupLabels.Assign([["b1", "b2", "b3", "a1", "n1", "n2"], ["a2", "a3"]], before);

        Assert.Equal(["B", "A"], labels);
    }

    [Fact]
    public void A_split_keeps_the_label_for_the_part_holding_most_of_the_group_and_the_other_part_takes_an_unused_one()
    {
        IReadOnlyList<LabelledGroup> before = [Was("A", "1", "2", "3", "4", "5"), Was("B", "6", "7")];

        var labels = GroupLabels.Assign([["1", "2", "3"], ["4", "5"], ["6", "7"]], before);

        Assert.Equal(["A", "C", "B"], labels);
    }

    [Fact]
    public void An_even_split_and_a_merger_of_equals_start_afresh()
    {
        IReadOnlyList<LabelledGroup> before = [Was("A", "1", "2", "3", "4"), Was("B", "5", "6")];

        Assert.Equal(["C", "D", "B"], GroupLabels.Assign([["1", "2"], ["3", "4"], ["5", "6"]], before));
        Assert.Equal(["C"], GroupLabels.Assign([["1", "2", "5", "6"]], [Was("A", "1", "2"), Was("B", "5", "6")]));
    }
}
