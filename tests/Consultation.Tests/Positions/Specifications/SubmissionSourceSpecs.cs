using Consultation.Domain;
using Consultation.Infrastructure.EventStore;
using Consultation.Positions;
using Consultation.Positions.Batching;
using Consultation.Positions.Correcting;
using Consultation.Positions.Revising;
using Consultation.Positions.Stating;
using Consultation.Positions.Withdrawing;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Tests.Positions.Specifications;

/// <summary>A position citing a written submission instead of a meeting: the submission's rules, and none of the meeting's.</summary>
public sealed class SubmissionSourceSpecs
{
    private static readonly DateOnly Oct16 = new(2017, 10, 16);
    private static readonly DateTimeOffset Now = new(2018, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly ProcessDetails Gcm = new()
    {
        Id = "gcm",
        Title = "Global Compact for Migration",
        MandateReference = "A/RES/71/280",
        StartsOn = new DateOnly(2017, 4, 1),
        Issues =
        [
            new IssueDetails("sovereignty", "National sovereignty", "Sovereign right to determine migration policy", null, null, IssueStatus.Open, null, default, default),
            new IssueDetails("drivers", "Drivers of migration", "Addressing the drivers of migration", null, null, IssueStatus.Open, null, default, default),
        ],
    };

    private static StakeholderDetails Stakeholder(string key, StakeholderKind kind = StakeholderKind.MemberState) => new() { Id = key, Kind = kind, Name = key };

    private static readonly SourceSubmission Letter =
        new("gcm/submission:letter", "gcm", "MEX", null, Oct16, new HashSet<string> { "sovereignty" }, false);

    /// <summary>The facts of a position citing <paramref name="submission"/> (the letter by default): no meeting at all.</summary>
    private static PositionFacts Facts(StakeholderDetails? owner = null, StakeholderDetails? speaker = null, SourceSubmission? submission = null) =>
        new(ProcessFacts.From(Gcm), owner ?? Stakeholder("MEX"), speaker, null) { Submission = submission ?? Letter, Now = Now };

    private static StatePosition.Request Body(string stakeholder = "MEX", DateOnly? on = null, string? onBehalfOf = null, string? submission = "letter", string? meeting = null) => new()
    {
        Stakeholder = stakeholder, OnBehalfOf = onBehalfOf, Stance = 1, Summary = "Supports, in writing", Submission = submission, Meeting = meeting, StatedOn = on ?? Oct16,
    };

    private static StatePosition.Command State(string stakeholder = "MEX", DateOnly? on = null, string? onBehalfOf = null, string issue = "sovereignty") =>
        Body(stakeholder, on, onBehalfOf).For("gcm", issue);

    private static readonly PositionContent FromLetter = new(1, null, "Supports, in writing", null, new PositionSource(null, null, null, "letter"), Oct16);

    private static readonly PositionStated Stated = new("gcm/sovereignty/MEX", "gcm", "sovereignty", "MEX", null, FromLetter);

    private static readonly Specification<Position> NoStream = Specification.Given<Position>();

    [Fact]
    public void An_event_recorded_before_submissions_existed_reads_as_citing_its_meeting()
    {
        var serializer = new Marten.Services.SystemTextJsonSerializer { EnumStorage = StoredJson.Enums, Casing = StoredJson.Casing };
        const string stored = """
            {"key":"gcm/sovereignty/MEX","process":"gcm","issue":"sovereignty","stakeholder":"MEX","spokenBy":null,
             "content":{"stance":1,"conditions":null,"summary":"Supports","quote":null,
                        "source":{"meeting":"stocktaking-2017","statement":"s1","documentReference":null},"statedOn":"2017-12-05"}}
            """;

        var stated = serializer.FromJson<PositionStated>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored)));

        Assert.Equal(new PositionSource("stocktaking-2017", "s1", null), stated.Content.Source);
        Assert.Null(stated.Content.Source.Submission);
    }

    [Fact]
    public void A_position_stated_from_a_submission_cites_it_and_no_meeting()
    {
        NoStream.When(p => StatePosition.Decide(p, State(), Facts())).Then(Stated);
        Assert.Equal(FromLetter.Source, Body().ToContent().Source);
    }

    [Fact]
    public void The_holder_or_its_speaker_is_the_sender_or_the_group_written_for()
    {
        var group = Stakeholder("grulac", StakeholderKind.GroupOrBloc) with { Accreditations = [new ProcessAccreditation("gcm", new DateOnly(2017, 4, 1), null)] };
        var forGroup = Letter with { From = "ECU", OnBehalfOf = "grulac" };

        var other = NoStream.When(p => StatePosition.Decide(p, State("ECU"), Facts(Stakeholder("ECU")))).ThenRefused<DomainRuleViolation>();
        NoStream.When(p => StatePosition.Decide(p, State("ECU", onBehalfOf: "grulac"), Facts(group, Stakeholder("ECU"), forGroup))).ThenOne<PositionStated>();
        NoStream.When(p => StatePosition.Decide(p, State("ECU"), Facts(Stakeholder("ECU"), submission: forGroup))).ThenOne<PositionStated>();
        NoStream.When(p => StatePosition.Decide(p, State("MEX", onBehalfOf: "grulac"), Facts(group, Stakeholder("MEX"), forGroup))).ThenOne<PositionStated>();
        NoStream.When(p => StatePosition.Decide(p, State("MEX"), Facts(submission: forGroup))).ThenRefused<DomainRuleViolation>("'ECU' on behalf of 'grulac'");

        Assert.Equal(
            "Submission 'gcm/submission:letter' was sent by 'MEX'; a position of 'ECU' cannot cite it. A position cited to a submission is its sender's or the group's it was sent for.",
            other.Message);
    }

    [Fact]
    public void The_issue_is_one_the_submission_addresses()
    {
        NoStream.When(p => StatePosition.Decide(p, State(issue: "drivers"), Facts())).ThenRefused<DomainRuleViolation>("does not address issue 'drivers' (it addresses 'sovereignty')");
    }

    [Fact]
    public void It_is_dated_by_the_day_received_or_earlier_but_not_before_the_process_began()
    {
        NoStream.When(p => StatePosition.Decide(p, State(on: new DateOnly(2017, 4, 1)), Facts())).ThenOne<PositionStated>();
        NoStream.When(p => StatePosition.Decide(p, State(on: Oct16.AddDays(1)), Facts())).ThenRefused<DomainRuleViolation>("cannot be after submission 'gcm/submission:letter' was received (2017-10-16)");
        NoStream.When(p => StatePosition.Decide(p, State(on: new DateOnly(2017, 3, 31)), Facts())).ThenRefused<DomainRuleViolation>("before process 'gcm' began (2017-04-01)");
    }

    [Fact]
    public void An_unknown_or_withdrawn_submission_or_another_process_is_refused()
    {
        NoStream.When(p => StatePosition.Decide(p, State(), new PositionFacts(ProcessFacts.From(Gcm), Stakeholder("MEX"), null, null))).ThenRefused<StreamNotFound>("Submission 'gcm/submission:letter'");
        NoStream.When(p => StatePosition.Decide(p, State(), Facts(submission: Letter with { Withdrawn = true }))).ThenRefused<DomainRuleViolation>("withdrawn");
        NoStream.When(p => StatePosition.Decide(p, State(), Facts(submission: Letter with { Process = "other" }))).ThenRefused<DomainRuleViolation>("belongs to process 'other'");
    }

    [Fact]
    public void A_correction_keeps_a_withdrawn_submission_it_cites_and_a_revision_does_not_newly_cite_it()
    {
        var withdrawn = Facts(submission: Letter with { Withdrawn = true });
        var given = Specification.Given<Position>(Stated);

        var corrected = given.When(p => CorrectPosition.Decide(p, new CorrectPosition.Command(Stated.Key, 1, new PositionCorrection { Stance = 2, Reason = "Entered wrong" }), withdrawn))
            .ThenOne<PositionCorrected>();
        Assert.Equal(FromLetter.Source, corrected.Content.Source);
        given.When(p => RevisePosition.Decide(p, new RevisePosition.Command(Stated.Key, 1, new PositionChange
        {
            Stance = -1, Summary = "Reservations", Submission = "letter", StatedOn = Oct16, Reason = "Shift",
        }), withdrawn)).ThenRefused<DomainRuleViolation>("withdrawn");
    }

    [Fact]
    public void A_correction_moves_a_position_between_a_meeting_and_a_submission()
    {
        var atMeeting = new PositionSource("stocktaking-2017", "s1", "para. 3");

        var toLetter = new PositionCorrection { Submission = "letter", Reason = "Written, not said" }.ApplyTo(FromLetter with { Source = atMeeting });
        var toMeeting = new PositionCorrection { Meeting = "stocktaking-2017", Reason = "Said at the meeting" }.ApplyTo(FromLetter);
        var keeps = new PositionCorrection { Stance = 2, Reason = "Entered wrong" }.ApplyTo(FromLetter);

        Assert.Equal(new PositionSource(null, null, "para. 3", "letter"), toLetter.Source);
        Assert.Equal(new PositionSource("stocktaking-2017", null, null), toMeeting.Source);
        Assert.Equal(FromLetter.Source, keeps.Source);
        Assert.Throws<DomainRuleViolation>(() => new PositionCorrection { Statement = "s1", Reason = "A statement" }.ApplyTo(FromLetter));
        var other = Letter with { From = "ECU" };
        Specification.Given<Position>(Stated with { Content = FromLetter with { Source = atMeeting } })
            .When(p => CorrectPosition.Decide(p, new CorrectPosition.Command(Stated.Key, 1, new PositionCorrection { Submission = "letter", Reason = "Written" }), Facts(submission: other)))
            .ThenRefused<DomainRuleViolation>("was sent by 'ECU'");
    }

    [Fact]
    public void A_withdrawal_may_cite_the_submission_it_was_made_in()
    {
        var given = Specification.Given<Position>(Stated);
        var withdraw = new WithdrawPosition.Command(Stated.Key, 1, new WithdrawPosition.Request(null, null, null, Oct16, "Withdrawn in the letter", Submission: "letter"));

        Assert.Equal(new PositionSource(null, null, null, "letter"), given.When(p => WithdrawPosition.Decide(p, withdraw, Facts())).ThenOne<PositionWithdrawn>().Source);
        given.When(p => WithdrawPosition.Decide(p, withdraw, Facts(submission: Letter with { From = "ECU" }))).ThenRefused<DomainRuleViolation>("was sent by 'ECU'");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("stocktaking-2017", "letter")]
    public void A_body_names_exactly_one_source(string? meeting, string? submission)
    {
        var errors = new StatePosition.Validator().Validate(Body(meeting: meeting, submission: submission)).Errors;

        Assert.Equal(["meeting", "submission"], errors.Select(e => e.PropertyName).Order());
        Assert.All(errors, e => Assert.Equal(PositionInput.OneSource, e.ErrorMessage));
        Assert.Empty(new StatePosition.Validator().Validate(Body()).Errors);
        Assert.Empty(new StatePosition.Validator().Validate(Body(meeting: "stocktaking-2017", submission: null)).Errors);
        Assert.Contains(new StatePosition.Validator().Validate(Body() with { Statement = "s1" }).Errors, e => e.ErrorMessage == PositionInput.StatementOfMeeting);
        var correction = new PositionCorrectionValidator().Validate(new PositionCorrection { Meeting = meeting, Submission = submission, Reason = "Entered wrong" }).Errors;
        Assert.Equal(meeting is null ? 0 : 2, correction.Count(e => e.ErrorMessage == PositionInput.OneSource));
    }

    [Fact]
    public void A_batch_item_cites_a_submission_as_one_position_does()
    {
        StatePosition.Command[] items = [State(), State("ECU", issue: "sovereignty")];

        var rejected = Assert.Throws<Consultation.Infrastructure.Batching.BatchItemsRefused>(() => StatePositionsInBatch.Decide(items, new Dictionary<string, Position>(), item => Facts(Stakeholder(item.Owner))));

        Assert.Equal(["items[1]"], rejected.Errors.Keys);
        Assert.Single(StatePositionsInBatch.Decide([items[0]], new Dictionary<string, Position>(), item => Facts(Stakeholder(item.Owner))));
    }
}
