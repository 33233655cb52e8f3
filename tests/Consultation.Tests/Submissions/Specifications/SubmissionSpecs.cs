using Consultation.Domain;
using Consultation.Infrastructure.EventStore;
using Consultation.Processes;
using Consultation.Stakeholders;
using Consultation.Submissions;
using Consultation.Submissions.Batching;
using Consultation.Submissions.Correcting;
using Consultation.Submissions.Recording;
using Consultation.Submissions.Withdrawing;

namespace Consultation.Tests.Submissions.Specifications;

/// <summary>Given a submission's events and the facts around it, when a command, then an event or a broken rule.</summary>
public sealed class SubmissionSpecs
{
    private static readonly DateOnly Oct16 = new(2017, 10, 16);
    private static readonly DateTimeOffset Now = new(2018, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static ProcessDetails Gcm(IssueStatus human = IssueStatus.Open, ProcessStatus status = ProcessStatus.Active, DateOnly? concludedOn = null) => new()
    {
        Id = "gcm",
        Title = "Global Compact for Migration",
        MandateReference = "A/RES/71/280",
        StartsOn = new DateOnly(2017, 4, 1),
        Status = status,
        ConcludedOn = concludedOn,
        Issues =
        [
            new IssueDetails("human-rights", "Human rights of all migrants", "Human rights of all migrants", null, null, human, null, default, default),
            new IssueDetails("drivers", "Drivers of migration", "Addressing the drivers of migration", null, null, IssueStatus.Open, null, default, default),
        ],
    };

    private static readonly StakeholderDetails Mexico = new() { Id = "MEX", Kind = StakeholderKind.MemberState, Name = "Mexico" };

    private static readonly StakeholderDetails Grulac = new() { Id = "grulac", Kind = StakeholderKind.GroupOrBloc, Name = "GRULAC" };

    private static RecordSubmission.Request Body(string submission = "mex-2017-10", string sender = "MEX", string? onBehalfOf = null, DateOnly? receivedOn = null, string[]? issues = null) => new(
        submission, sender, onBehalfOf, receivedOn ?? Oct16, issues ?? ["human-rights"], "Letter", " Contribution of Mexico ", null, "https://example.org/mex.pdf", "es");

    private static readonly SubmissionContent Recorded =
        new("MEX", null, Oct16, ["human-rights"], SubmissionChannel.Letter, "Contribution of Mexico", null, "https://example.org/mex.pdf", "es");

    private static readonly SubmissionRecorded Letter = new("gcm/submission:mex-2017-10", "gcm", "mex-2017-10", Recorded);

    private static readonly Specification<Submission> NoStream = Specification.Given<Submission>();

    private static Specification<Submission> Given(params object[] events) => Specification.Given<Submission>([Letter, .. events]);

    private static CorrectSubmission.Command Correct(
        string? sender = null, string? onBehalfOf = null, DateOnly? receivedOn = null, string[]? issues = null, string? channel = null, string[]? clear = null) =>
        new("gcm/submission:mex-2017-10", 1, new CorrectSubmission.Request(sender, onBehalfOf, receivedOn, issues, channel, null, null, null, null, clear, "Recorded wrong"));

    [Fact]
    public void Recording_keeps_the_submission_under_a_key_no_other_kind_can_take()
    {
        NoStream.When(s => RecordSubmission.Decide(s, Gcm(), Mexico, null, Body().For("gcm"), Now)).Then(Letter);
        Assert.Equal("gcm/submission:mex-2017-10", Submission.KeyOf("gcm", "mex-2017-10"));
        Assert.False(StreamKeys.IsSlug("submission:mex-2017-10"));
    }

    [Fact]
    public void A_submission_is_recorded_once_in_an_active_process_from_a_registered_sender()
    {
        Given().When(s => RecordSubmission.Decide(s, Gcm(), Mexico, null, Body().For("gcm"), Now)).ThenRefused<DomainRuleViolation>("never reused");
        NoStream.When(s => RecordSubmission.Decide(s, null, Mexico, null, Body().For("gcm"), Now)).ThenRefused<StreamNotFound>();
        NoStream.When(s => RecordSubmission.Decide(s, Gcm(), null, null, Body().For("gcm"), Now)).ThenRefused<StreamNotFound>();
        NoStream.When(s => RecordSubmission.Decide(s, Gcm(status: ProcessStatus.Concluded, concludedOn: new DateOnly(2017, 12, 31)), Mexico, null, Body().For("gcm"), Now))
            .ThenRefused<DomainRuleViolation>("concluded");
    }

    [Fact]
    public void It_is_received_within_the_process_and_not_in_the_future()
    {
        NoStream.When(s => RecordSubmission.Decide(s, Gcm(), Mexico, null, Body(receivedOn: new DateOnly(2017, 3, 31)).For("gcm"), Now))
            .ThenRefused<DomainRuleViolation>("before the process starts (2017-04-01)");
        NoStream.When(s => RecordSubmission.Decide(s, Gcm(), Mexico, null, Body(receivedOn: new DateOnly(2018, 1, 20)).For("gcm"), Now))
            .ThenRefused<DomainRuleViolation>("has not come yet");
    }

    [Fact]
    public void It_addresses_issues_of_the_process_none_retired()
    {
        NoStream.When(s => RecordSubmission.Decide(s, Gcm(), Mexico, null, Body(issues: ["sovereignty"]).For("gcm"), Now)).ThenRefused<StreamNotFound>();
        NoStream.When(s => RecordSubmission.Decide(s, Gcm(human: IssueStatus.Retired), Mexico, null, Body().For("gcm"), Now)).ThenRefused<DomainRuleViolation>("retired");
    }

    [Fact]
    public void On_behalf_of_a_group_the_sender_was_a_member_of_on_the_day_received()
    {
        var member = Mexico with { Groups = [new GroupMembershipPeriod("grulac", new DateOnly(2017, 1, 1), null)] };
        var left = Mexico with { Groups = [new GroupMembershipPeriod("grulac", new DateOnly(2017, 1, 1), Oct16)] };

        var recorded = NoStream.When(s => RecordSubmission.Decide(s, Gcm(), member, Grulac, Body(onBehalfOf: "grulac").For("gcm"), Now)).ThenOne<SubmissionRecorded>();
        Assert.Equal("grulac", recorded.Content.OnBehalfOf);
        NoStream.When(s => RecordSubmission.Decide(s, Gcm(), left, Grulac, Body(onBehalfOf: "grulac").For("gcm"), Now)).ThenRefused<DomainRuleViolation>("was not a member of 'grulac' on 2017-10-16");
        NoStream.When(s => RecordSubmission.Decide(s, Gcm(), member, null, Body(onBehalfOf: "grulac").For("gcm"), Now)).ThenRefused<StreamNotFound>();
        NoStream.When(s => RecordSubmission.Decide(s, Gcm(), member, Mexico with { Id = "ECU" }, Body(onBehalfOf: "ECU").For("gcm"), Now))
            .ThenRefused<DomainRuleViolation>("on behalf of a group or bloc");
    }

    [Fact]
    public void A_correction_replaces_what_it_names_and_keeps_the_rest()
    {
        var corrected = Given().When(s => CorrectSubmission.Decide(s, Gcm(), Mexico, null, Correct(receivedOn: new DateOnly(2017, 10, 17), channel: "Email", clear: ["link"]), Now))
            .ThenOne<SubmissionCorrected>();

        Assert.Equal(Recorded with { ReceivedOn = new DateOnly(2017, 10, 17), Channel = SubmissionChannel.Email, Link = null }, corrected.Content with { Issues = Recorded.Issues });
        Assert.Equal(["human-rights"], corrected.Content.Issues);
        Assert.Equal("Recorded wrong", corrected.Reason);
        Given().When(s => CorrectSubmission.Decide(s, Gcm(), Mexico, null, Correct(issues: ["human-rights"]), Now)).ThenRefused<DomainRuleViolation>("Nothing to correct");
    }

    [Fact]
    public void A_correction_may_keep_a_retired_issue_but_not_add_one()
    {
        var retired = Gcm(human: IssueStatus.Retired);
        Given().When(s => CorrectSubmission.Decide(s, retired, Mexico, null, Correct(issues: ["human-rights", "drivers"]), Now)).ThenOne<SubmissionCorrected>();

        var onDrivers = new SubmissionCorrected(Letter.Key, Recorded with { Issues = ["drivers"] }, "Recorded wrong");
        Given(onDrivers).When(s => CorrectSubmission.Decide(s, retired, Mexico, null, Correct(issues: ["drivers", "human-rights"]), Now)).ThenRefused<DomainRuleViolation>("retired");
    }

    [Fact]
    public void A_withdrawn_submission_is_neither_corrected_nor_withdrawn_again()
    {
        var withdrawn = new SubmissionWithdrawn(Letter.Key, "Recorded twice");
        Given().When(s => WithdrawSubmission.Decide(s, Gcm(), new WithdrawSubmission.Command(Letter.Key, 1, new WithdrawSubmission.Request(" Recorded twice ")))).Then(withdrawn);
        Assert.True(Given(withdrawn).State!.Withdrawn);

        Given(withdrawn).When(s => WithdrawSubmission.Decide(s, Gcm(), new WithdrawSubmission.Command(Letter.Key, 2, new WithdrawSubmission.Request("Again"))))
            .ThenRefused<DomainRuleViolation>("already withdrawn");
        Given(withdrawn).When(s => CorrectSubmission.Decide(s, Gcm(), Mexico, null, Correct(channel: "Email"), Now)).ThenRefused<DomainRuleViolation>("withdrawn");
    }

    [Fact]
    public void A_batch_gathers_every_refusal_by_item_index()
    {
        RecordSubmission.Command[] items =
        [
            Body().For("gcm"),
            Body("ecu-survey", sender: "ECU").For("gcm"),
            Body().For("gcm"),
            Body("taken").For("gcm"),
            Body("late", receivedOn: new DateOnly(2017, 1, 1)).For("gcm"),
        ];
        var stakeholders = new Dictionary<string, StakeholderDetails> { ["MEX"] = Mexico };

        var rejected = Assert.Throws<Consultation.Infrastructure.Batching.BatchItemsRefused>(() =>
            RecordSubmissionsInBatch.Decide(items, Gcm(), stakeholders, new HashSet<string> { "gcm/submission:taken" }, Now));

        Assert.Equal(["items[1]", "items[2]", "items[3]", "items[4]"], rejected.Errors.Keys.Order());
        Assert.Contains("'ECU'", rejected.Errors["items[1]"][0]);
        Assert.Contains("already recorded by items[0]", rejected.Errors["items[2]"][0]);
        Assert.Contains("never reused", rejected.Errors["items[3]"][0]);
        Assert.Contains("before the process starts", rejected.Errors["items[4]"][0]);
        Assert.Equal(2, RecordSubmissionsInBatch.Decide([items[0], items[3]], Gcm(), stakeholders, new HashSet<string>(), Now).Count);
    }
}
