using Consultation.Domain;
using Consultation.Positions;
using Consultation.Positions.Batching;
using Consultation.Positions.Stating;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Tests.Positions.Specifications;

/// <summary>The batch's pure decision: each item by <see cref="StatePosition.Decide"/>, every refusal gathered by index.</summary>
public sealed class BatchSpecs
{
    private static StatePosition.Command Item(string issue = "sovereignty", string stakeholder = "MEX", string statedOn = "2017-12-05") =>
        new StatePosition.Request { Stakeholder = stakeholder, Stance = 1, Summary = "Supports", Meeting = "stocktaking-2017", StatedOn = DateOnly.Parse(statedOn, System.Globalization.CultureInfo.InvariantCulture) }
            .For("gcm", issue);

    private static PositionFacts Facts(StatePosition.Command item) => new(
        ProcessFacts.From(new ProcessDetails
        {
            Id = "gcm",
            Title = "Global Compact",
            MandateReference = "A/RES/71/280",
            StartsOn = new DateOnly(2017, 4, 6),
            Issues = [new IssueDetails("sovereignty", "Sovereignty", "d", null, null, IssueStatus.Open, null, default, default)],
        }),
        item.Stakeholder == "XYZ" ? null : new StakeholderDetails
        {
            Id = item.Stakeholder,
            Kind = item.Stakeholder.StartsWith("ngo", StringComparison.Ordinal) ? StakeholderKind.CivilSociety : StakeholderKind.MemberState,
            Name = item.Stakeholder,
        },
        null,
        new SourceMeeting("gcm/stocktaking-2017", "gcm", new DateOnly(2017, 12, 4), new DateOnly(2017, 12, 6), false, new HashSet<string>())
        {
            Participants = new HashSet<string> { "MEX", "ECU", "THA", "ngo-unaccredited" },
        });

    [Fact]
    public void Every_item_is_decided_by_the_single_position_rules()
    {
        var stated = StatePositionsInBatch.Decide([Item(), Item(stakeholder: "ECU")], new Dictionary<string, Position>(), Facts);

        Assert.Equal(["gcm/sovereignty/MEX", "gcm/sovereignty/ECU"], stated.Select(e => e.Key));
    }

    [Fact]
    public void All_refusals_are_gathered_by_index()
    {
        var current = new Dictionary<string, Position>
        {
            ["gcm/sovereignty/THA"] = new("gcm/sovereignty/THA", "gcm", "sovereignty", "THA", null, null),
        };

        var rejected = Assert.Throws<Consultation.Infrastructure.Batching.BatchItemsRefused>(() => StatePositionsInBatch.Decide(
            [Item(), Item(stakeholder: "XYZ"), Item(issue: "missing"), Item(statedOn: "2017-12-09"), Item(stakeholder: "THA"), Item(), Item(stakeholder: "ngo-unaccredited"), Item(stakeholder: "ARG")],
            current,
            Facts));

        Assert.Equal(["items[1]", "items[2]", "items[3]", "items[4]", "items[5]", "items[6]", "items[7]"], rejected.Errors.Keys.Order());
        Assert.Contains("'ngo-unaccredited' (CivilSociety) was not entitled to take part in process 'gcm' on 2017-12-05", rejected.Errors["items[6]"].Single());
        Assert.Contains("'ARG' is not a registered participant of meeting 'gcm/stocktaking-2017'", rejected.Errors["items[7]"].Single());
        Assert.Contains("already stated by items[0]", rejected.Errors["items[5]"].Single());
        Assert.Contains("already has a position", rejected.Errors["items[4]"].Single());
        Assert.Contains("7 of 8 items", rejected.Message);
    }

    [Fact]
    public void A_batch_wide_problem_is_not_an_item_problem()
    {
        // The handler checks the process before deciding the items: an unknown process is one 404, not N item errors.
        Assert.Throws<StreamNotFound>(() => new PositionFacts(null, null, null, null).RequireProcess("gcm"));
    }
}
