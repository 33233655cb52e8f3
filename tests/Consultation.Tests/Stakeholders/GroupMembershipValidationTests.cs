using Consultation.Stakeholders.JoiningGroups;
using Consultation.Stakeholders.LeavingGroups;
using Consultation.Stakeholders.Listing;

namespace Consultation.Tests.Stakeholders;

public sealed class GroupMembershipValidationTests
{
    private static readonly DateOnly Day = new(2017, 12, 4);

    [Theory]
    [InlineData("african-group", null)]
    [InlineData("eu", "Accession treaty in force")]
    [InlineData("g77", "Line one\nline two")]
    public void Accepts_well_formed_joins(string group, string? reason)
    {
        var result = new JoinGroup.Validator().Validate(new JoinGroup.Request(group, Day, reason));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData(null, "2017-12-04", null, "Group")]
    [InlineData("", "2017-12-04", null, "Group")]
    [InlineData("African-Group", "2017-12-04", null, "Group")]
    [InlineData("EU", "2017-12-04", null, "Group")]
    [InlineData("african-group", null, null, "JoinedOn")]
    [InlineData("african-group", "2017-12-04", "", "Reason")]
    [InlineData("african-group", "2017-12-04", "bell\u0007", "Reason")]
    public void Rejects_malformed_joins_naming_the_field(string? group, string? joinedOn, string? reason, string field)
    {
        var date = joinedOn is null ? (DateOnly?)null : DateOnly.ParseExact(joinedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var result = new JoinGroup.Validator().Validate(new JoinGroup.Request(group, date, reason));

        Assert.Contains(result.Errors, e => e.PropertyName == field);
    }

    [Fact]
    public void Rejects_a_leave_without_a_date_or_with_an_over_long_reason()
    {
        var validator = new LeaveGroup.Validator();

        Assert.True(validator.Validate(new LeaveGroup.Request(Day, null)).IsValid);
        Assert.Contains(validator.Validate(new LeaveGroup.Request(null, null)).Errors, e => e.PropertyName == "LeftOn");
        Assert.Contains(validator.Validate(new LeaveGroup.Request(Day, new string('x', 1001))).Errors, e => e.PropertyName == "Reason");
    }

    [Theory]
    [InlineData("2017-12-05", true)]
    [InlineData(null, true)]
    [InlineData("2017-02-30", false)]
    [InlineData("05/12/2017", false)]
    [InlineData("2017-12-05T00:00:00", false)]
    [InlineData("today", false)]
    public void Member_lists_take_a_date_written_yyyy_mm_dd(string? on, bool valid)
    {
        var result = new ListGroupMembers.Validator().Validate(new ListGroupMembers.Query("african-group", on, 1, 50));

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(!valid, result.Errors.Any(e => e.PropertyName == "On"));
    }
}
