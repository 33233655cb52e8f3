using Consultation.Infrastructure.Batching;
using Consultation.Processes;
using Consultation.Stakeholders;
using Consultation.Stakeholders.Accrediting;
using Consultation.Stakeholders.Batching;
using Consultation.Stakeholders.JoiningGroups;
using Consultation.Stakeholders.Registering;

namespace Consultation.Tests.Stakeholders.Specifications;

/// <summary>The registry batch's pure decision: each item by its single write's Decide, on the registry as earlier items left it.</summary>
public sealed class RegistryBatchSpecs
{
    private static readonly ProcessDetails Gcm = new()
    {
        Id = "gcm",
        Title = "Global Compact",
        MandateReference = "A/RES/71/280",
        StartsOn = new DateOnly(2017, 4, 1),
        Status = ProcessStatus.Active,
        Version = 1,
    };

    private static readonly ChangeRegistryInBatch.Facts NothingYet = new(
        new Dictionary<string, Stakeholder>(), new Dictionary<string, string>(), new Dictionary<string, StakeholderKind>(), new Dictionary<string, ProcessDetails> { ["gcm"] = Gcm });

    private static ChangeRegistryInBatch.Item Register(string key, string kind = "CivilSociety") =>
        new() { Register = new RegisterStakeholder.Request(key, kind, key, null, null) };

    private static ChangeRegistryInBatch.Item Join(string key, string group) =>
        new() { Key = key, Join = new JoinGroup.Request(group, new DateOnly(2017, 5, 1), null) };

    private static ChangeRegistryInBatch.Item Accredit(string key, string process) =>
        new() { Key = key, Accredit = new AccreditStakeholder.Request(process, new DateOnly(2017, 5, 1), null) };

    [Fact]
    public void Later_items_build_on_what_earlier_items_registered()
    {
        var changes = ChangeRegistryInBatch.Decide([Register("bloc", "GroupOrBloc"), Register("ngo"), Join("ngo", "bloc"), Accredit("ngo", "gcm")], NothingYet);

        Assert.Equal(["register", "register", "join", "accredit"], changes.Select(c => c.Name));
        Assert.Equal(new StakeholderJoinedGroup("ngo", "bloc", new DateOnly(2017, 5, 1), null), changes[2].Events.Single());
        Assert.IsType<StakeholderAccredited>(changes[3].Events.Single());
    }

    [Fact]
    public void Every_refusal_is_gathered_by_index_and_a_refused_item_changes_nothing_later_items_see()
    {
        var refused = Assert.Throws<BatchItemsRefused>(() => ChangeRegistryInBatch.Decide(
            [Register("ngo"), Register("ngo"), Join("ngo", "ngo"), Accredit("ngo", "elsewhere"), Accredit("ngo", "gcm"), Accredit("ngo", "gcm")],
            NothingYet));

        Assert.Equal(["items[1]", "items[2]", "items[3]", "items[5]"], refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("already registered", refused.Errors["items[1]"].Single(), StringComparison.Ordinal);
        Assert.Contains("cannot join itself", refused.Errors["items[2]"].Single(), StringComparison.Ordinal);
        Assert.Contains("'elsewhere' does not exist", refused.Errors["items[3]"].Single(), StringComparison.Ordinal);
        Assert.Contains("already accredited", refused.Errors["items[5]"].Single(), StringComparison.Ordinal);
        Assert.Contains("4 of 6 items", refused.Message, StringComparison.Ordinal);
    }
}
