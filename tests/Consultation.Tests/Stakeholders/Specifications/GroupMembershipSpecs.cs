using Consultation.Domain;
using Consultation.Stakeholders;
using Consultation.Stakeholders.JoiningGroups;
using Consultation.Stakeholders.LeavingGroups;

namespace Consultation.Tests.Stakeholders.Specifications;

/// <summary>Joining and leaving groups: given events, when a command, then an event or a broken rule — no database.</summary>
public sealed class GroupMembershipSpecs
{
    private static Specification<Stakeholder> Given(params object[] events) => Specification.Given<Stakeholder>(events);

    private static readonly StakeholderRegistered SouthAfricaRegistered =
        new("ZAF", StakeholderKind.MemberState, "South Africa", "ZAF", RegionalGroup.African);

    private static readonly DateOnly Jan10 = new(2017, 1, 10);
    private static readonly DateOnly Jun1 = new(2017, 6, 1);
    private static readonly DateOnly Sep1 = new(2017, 9, 1);

    private static JoinGroup.Command Join(string group, DateOnly on, string? reason = null) => new("ZAF", 1, new(group, on, reason));

    private static LeaveGroup.Command Leave(string group, DateOnly on, string? reason = null) => new("ZAF", 1, group, new(on, reason));

    private static StakeholderJoinedGroup Joined(string group, DateOnly on) => new("ZAF", group, on, null);

    private static StakeholderLeftGroup Left(string group, DateOnly on) => new("ZAF", group, on, null);

    [Fact]
    public void Joining_a_group_or_bloc_records_the_date_and_the_trimmed_reason()
    {
        var joined = Given(SouthAfricaRegistered).When(stakeholder => JoinGroup.Decide(stakeholder, StakeholderKind.GroupOrBloc, Join("african-group", Jan10, "  Founding member "))).ThenOne<StakeholderJoinedGroup>();

        Assert.Equal(new StakeholderJoinedGroup("ZAF", "african-group", Jan10, "Founding member"), joined);
    }

    [Fact]
    public void Joining_an_intergovernmental_organization_with_members_is_allowed()
    {
        var joined = Given(SouthAfricaRegistered).When(stakeholder => JoinGroup.Decide(stakeholder, StakeholderKind.IntergovernmentalOrganization, Join("sadc", Jan10))).ThenOne<StakeholderJoinedGroup>();

        Assert.Equal(Joined("sadc", Jan10), joined);
    }

    [Theory]
    [InlineData(StakeholderKind.MemberState)]
    [InlineData(StakeholderKind.ObserverState)]
    [InlineData(StakeholderKind.UnEntity)]
    [InlineData(StakeholderKind.CivilSociety)]
    [InlineData(StakeholderKind.Academia)]
    [InlineData(StakeholderKind.PrivateSector)]
    [InlineData(StakeholderKind.Other)]
    public void Only_groups_and_organizations_have_members(StakeholderKind kind)
    {
        var error = Given(SouthAfricaRegistered).When(stakeholder => JoinGroup.Decide(stakeholder, kind, Join("not-a-group", Jan10))).ThenRefused<DomainRuleViolation>();

        Assert.Contains(kind.ToString(), error.Message);
    }

    [Fact]
    public void Joining_an_unregistered_group_is_not_found()
    {
        var error = Given(SouthAfricaRegistered).When(stakeholder => JoinGroup.Decide(stakeholder, null, Join("nowhere-group", Jan10))).ThenRefused<StreamNotFound>();

        Assert.Equal("Group", error.What);
        Assert.Equal("nowhere-group", error.Key);
    }

    [Fact]
    public void A_stakeholder_cannot_join_itself()
    {
        var bloc = Given(new StakeholderRegistered("african-group", StakeholderKind.GroupOrBloc, "African Group", null, null));

        var error = bloc.When(stakeholder => JoinGroup.Decide(stakeholder, StakeholderKind.GroupOrBloc, new JoinGroup.Command("african-group", 1, new("african-group", Jan10, null)))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("itself", error.Message);
    }

    [Fact]
    public void A_group_can_join_another_group()
    {
        var bloc = Given(new StakeholderRegistered("african-group", StakeholderKind.GroupOrBloc, "African Group", null, null));

        var joined = bloc.When(stakeholder => JoinGroup.Decide(stakeholder, StakeholderKind.GroupOrBloc, new JoinGroup.Command("african-group", 1, new("g77", Jan10, null)))).ThenOne<StakeholderJoinedGroup>();

        Assert.Equal(new StakeholderJoinedGroup("african-group", "g77", Jan10, null), joined);
    }

    [Fact]
    public void A_current_member_cannot_join_again()
    {
        var error = Given(SouthAfricaRegistered, Joined("african-group", Jan10)).When(stakeholder => JoinGroup.Decide(stakeholder, StakeholderKind.GroupOrBloc, Join("african-group", Sep1))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("2017-01-10", error.Message);
    }

    [Fact]
    public void Membership_of_another_group_does_not_stand_in_the_way()
    {
        var joined = Given(SouthAfricaRegistered, Joined("sadc", Jan10)).When(stakeholder => JoinGroup.Decide(stakeholder, StakeholderKind.GroupOrBloc, Join("african-group", Jan10))).ThenOne<StakeholderJoinedGroup>();

        Assert.Equal(Joined("african-group", Jan10), joined);
    }

    [Fact]
    public void Rejoining_after_leaving_is_allowed()
    {
        var given = Given(SouthAfricaRegistered, Joined("african-group", Jan10), Left("african-group", Jun1));

        given.When(stakeholder => JoinGroup.Decide(stakeholder, StakeholderKind.GroupOrBloc, Join("african-group", Sep1))).Then(Joined("african-group", Sep1));
        given.When(stakeholder => JoinGroup.Decide(stakeholder, StakeholderKind.GroupOrBloc, Join("african-group", Jun1))).Then(Joined("african-group", Jun1));
    }

    [Fact]
    public void Rejoining_cannot_go_back_before_the_day_it_left()
    {
        var given = Given(SouthAfricaRegistered, Joined("african-group", Jan10), Left("african-group", Jun1));

        var error = given.When(stakeholder => JoinGroup.Decide(stakeholder, StakeholderKind.GroupOrBloc, Join("african-group", new DateOnly(2017, 5, 31)))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("overlap", error.Message);
    }

    [Fact]
    public void Leaving_records_the_date_and_the_trimmed_reason()
    {
        var left = Given(SouthAfricaRegistered, Joined("african-group", Jan10)).When(stakeholder => LeaveGroup.Decide(stakeholder, Leave("african-group", Jun1, " Withdrew\n"))).ThenOne<StakeholderLeftGroup>();

        Assert.Equal(new StakeholderLeftGroup("ZAF", "african-group", Jun1, "Withdrew"), left);
    }

    [Fact]
    public void Leaving_on_the_day_it_joined_is_allowed()
    {
        var left = Given(SouthAfricaRegistered, Joined("african-group", Jan10)).When(stakeholder => LeaveGroup.Decide(stakeholder, Leave("african-group", Jan10))).ThenOne<StakeholderLeftGroup>();

        Assert.Equal(Left("african-group", Jan10), left);
    }

    [Fact]
    public void Leaving_before_joining_is_refused()
    {
        var error = Given(SouthAfricaRegistered, Joined("african-group", Jun1)).When(stakeholder => LeaveGroup.Decide(stakeholder, Leave("african-group", Jan10))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("2017-06-01", error.Message);
    }

    [Fact]
    public void Only_a_group_it_belongs_to_can_be_left()
    {
        Given(SouthAfricaRegistered).When(stakeholder => LeaveGroup.Decide(stakeholder, Leave("african-group", Jun1))).ThenRefused<DomainRuleViolation>();
        Given(SouthAfricaRegistered, Joined("sadc", Jan10)).When(stakeholder => LeaveGroup.Decide(stakeholder, Leave("african-group", Jun1))).ThenRefused<DomainRuleViolation>();
        Given(SouthAfricaRegistered, Joined("african-group", Jan10), Left("african-group", Jun1)).When(stakeholder => LeaveGroup.Decide(stakeholder, Leave("african-group", Sep1))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void The_write_model_keeps_every_membership_period()
    {
        var state = Specification.Fold<Stakeholder>(
            SouthAfricaRegistered,
            Joined("african-group", Jan10),
            Joined("sadc", Jan10),
            Left("african-group", Jun1),
            Joined("african-group", Sep1))!;

        Assert.Equal(
            [
                new GroupMembershipPeriod("african-group", Jan10, Jun1),
                new GroupMembershipPeriod("sadc", Jan10, null),
                new GroupMembershipPeriod("african-group", Sep1, null),
            ],
            state.Memberships);
        Assert.Equal(new GroupMembershipPeriod("african-group", Sep1, null), state.CurrentMembership("african-group"));
        Assert.Equal(Jun1, state.LastLeft("african-group"));
        Assert.Null(state.LastLeft("sadc"));
    }

    [Theory]
    [InlineData("2017-01-09", false)]
    [InlineData("2017-01-10", true)]
    [InlineData("2017-05-31", true)]
    [InlineData("2017-06-01", false)]
    [InlineData("2017-08-31", false)]
    [InlineData("2017-09-01", true)]
    [InlineData("2030-01-01", true)]
    public void A_roster_answers_membership_on_any_date(string on, bool member)
    {
        var roster = new GroupRoster("african-group",
        [
            new GroupRoster.Period("ZAF", Jan10, Jun1),
            new GroupRoster.Period("ZAF", Sep1, null),
            new GroupRoster.Period("SLE", new DateOnly(2000, 1, 1), null),
        ]);
        var date = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(member, roster.IsMember("ZAF", date));
        Assert.Equal(member ? ["SLE", "ZAF"] : new[] { "SLE" }, roster.MembersOn(date));
    }
}
