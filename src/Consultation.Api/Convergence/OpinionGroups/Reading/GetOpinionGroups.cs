using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Grouping;
using Consultation.Convergence.Measuring.Live;
using Consultation.Convergence.OpinionGroups.Comparing;
using Consultation.Convergence.OpinionGroups.Inference;
using Consultation.Convergence.Summaries;
using Consultation.Positions.Views;
using Consultation.Processes;
using FluentValidation.Results;

namespace Consultation.Convergence.OpinionGroups.Reading;

/// <summary>
/// The opinion groups of a process at a moment on both axes (<see cref="TimeAxes"/>: as the record stood at <c>asOf</c>, now
/// when absent; with <c>statedBy</c>, what had been said by that day), inferred (<see cref="OpinionGroupInference"/>) from
/// the same effective positions the convergence measure counts (own or inherited, of stakeholders entitled on the date
/// measured; blocs' own carried by their members) on the process's issues tabled by then — or those of one
/// <c>theme</c> — beside the declared groups of the basis the measure uses (<c>grouping</c>, the process's by default):
/// how they spread, who stands apart, each issue measured across both, bridging issues.
/// <para>
/// <b>Labels</b> carry over along the meeting closes before the moment asked (<see cref="GroupLabels"/>), read on
/// <c>axis</c> as the timelines read them: stated (default), each close at its last day; recorded, at its recorded close.
/// The answer names the close the labels follow (<see cref="Answer.LabelsCarriedFrom"/>). Settled moments' inferences are
/// kept (<see cref="OpinionGroupsKept"/>), and so are those of the record now while its measures are unchanged.
/// </para>
/// </summary>
public static class GetOpinionGroups
{
    public const string Note = "Opinion groups are inferred from the recorded positions: they say whose recorded stances resemble whose. "
        + "They are not declared groups and attribute no position to anyone.";

    public sealed record Query(string Process, string? AsOf, string? StatedBy = null, string? Axis = null, string? Grouping = null, string? Theme = null)
        : IQuery<Answer>;

    /// <summary>A stakeholder on the map: its declared group under the basis (null: none), its opinion group, its place and positions.</summary>
    public sealed record StakeholderRow(string Stakeholder, string? DeclaredGroup, string OpinionGroup, double X, double Y, int Positions);

    /// <summary>What decided the groups: the thresholds, the silhouette of each k tried, the k chosen, the components' shares of the variance.</summary>
    public sealed record Method(
        int PositionsNeeded,
        int MinStakeholders,
        double SilhouetteFloor,
        IReadOnlyList<SilhouetteOfK> Silhouettes,
        int? ChosenK,
        double? Silhouette,
        double FirstComponentShare,
        double SecondComponentShare);

    public sealed record Answer(
        string Process,
        DateTimeOffset? AsOf,
        DateOnly? StatedBy,
        TimelineAxis Axis,
        string Grouping,
        string? Theme,
        string Note,
        int Issues,
        bool Structure,
        string Reason,
        IReadOnlyList<OpinionGroup> Groups,
        IReadOnlyList<StakeholderRow> Stakeholders,
        IReadOnlyList<LeftOutStakeholder> LeftOut,
        DeclaredComparison Declared,
        IReadOnlyList<IssueAcross> IssuesAcross,
        IReadOnlyList<IssueAcross> Bridging,
        MeetingClose? LabelsCarriedFrom,
        Method Method,
        Freshness Freshness);

    public sealed record Comparison(IReadOnlyDictionary<string, string?> DeclaredOf, DeclaredComparison Declared, IReadOnlyList<IssueAcross> Across);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.AsOf).AsOfTimestamp();
            RuleFor(x => x.StatedBy).IsoDate();
            RuleFor(x => x.Axis).TimelineAxisName();
            RuleFor(x => x.Grouping).GroupingName();
            RuleFor(x => x.Theme).MaximumLength(TextRules.TitleMaxLength);
            RuleFor(x => x.Axis).NotRecordedWithStatedBy(x => x.StatedBy);
        }
    }

    public sealed class Handler(IQuerySession session, SettledSnapshots snapshots, LiveMeasures live, OpinionGroupsKept kept) : IQueryHandler<Query, Answer>
    {
        public async ValueTask<Answer> Handle(Query query, CancellationToken cancellationToken)
        {
            var axes = TimeAxes.Parse(query.AsOf, query.StatedBy);
            var axis = TimelineAxisRules.Parse(query.Axis);
            var (process, settings, closes, freshness, read) = await ProcessReadStart.ReadAsync(session, live, query.Process, axes, cancellationToken);
            var theme = ThemeOf(process, query.Theme);
            var rules = settings.RulesFor(query.Grouping);
            var rulesAt = await ConvergenceTimelines.RulesAsync(session, process.Id, axes.AsOf, query.Grouping, cancellationToken);

            InferredGroups? previous = null;
            MeetingClose? carriedFrom = null;
            foreach (var close in closes.Where(c => Before(c, axis, axes)))
            {
                var at = close.At(axis, axes.AsOf);
                var atClose = await snapshots.TakeAsync(session, process, at, rulesAt(at.AsOf), null, cancellationToken, read);
                previous = Infer(atClose, process, theme).LabelledAfter(previous?.Labelled);
                carriedFrom = close;
            }

            var snapshot = await snapshots.TakeAsync(session, process, axes, rules, null, cancellationToken, read);
            var inferred = Infer(snapshot, process, theme).LabelledAfter(previous?.Labelled);
            var (declaredOf, declared, across) = Compare(snapshot, process, theme, inferred);
            var defaults = InferenceSettings.Default;

            return new Answer(
                process.Id,
                axes.AsOf,
                axes.StatedBy,
                axis,
                snapshot.Rules.Basis.Name,
                theme,
                Note,
                inferred.Issues,
                inferred.Structure,
                inferred.Reason,
                inferred.Groups,
                [.. inferred.Stakeholders.Select(s => new StakeholderRow(
                    s.Stakeholder, declaredOf.GetValueOrDefault(s.Stakeholder), s.Group, s.Point.X, s.Point.Y, s.Positions))],
                inferred.LeftOut,
                declared,
                across,
                [.. across.Where(i => i.Bridging).OrderByDescending(i => i.WeakestGroup!.P).ThenBy(i => i.Issue, StringComparer.Ordinal)],
                previous is null ? null : carriedFrom,
                new Method(
                    inferred.PositionsNeeded,
                    defaults.MinStakeholders,
                    defaults.SilhouetteFloor,
                    inferred.Silhouettes,
                    inferred.ChosenK,
                    inferred.Silhouette,
                    inferred.FirstComponentShare,
                    inferred.SecondComponentShare),
                freshness);
        }

        private InferredGroups Infer(ConvergenceSnapshot snapshot, ProcessDetails process, string? theme) =>
            kept.Of(IssuesOf(snapshot, process, theme), () => InferAfresh(snapshot, process, theme));
    }

    /// <summary>The inference over a snapshot's issues (those of <paramref name="theme"/> only when given), not kept.</summary>
    public static InferredGroups InferAfresh(ConvergenceSnapshot snapshot, ProcessDetails process, string? theme) =>
        OpinionGroupInference.Infer(MatrixOf(IssuesOf(snapshot, process, theme)));

    /// <summary>The opinion groups beside the declared ones: each stakeholder's declared group, how they spread, each issue measured across the inferred groups.</summary>
    public static Comparison Compare(ConvergenceSnapshot snapshot, ProcessDetails process, string? theme, InferredGroups inferred)
    {
        var issues = IssuesOf(snapshot, process, theme);
        var declaredOf = issues.SelectMany(i => i.Positions)
            .GroupBy(p => p.Stakeholder, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Group, StringComparer.Ordinal);
        var across = AcrossOpinionGroups.Measure(
            issues.Select(i => (i.Issue, i.Title, i.Measure, i.Positions)), inferred, snapshot.Rules.Thresholds);
        return new(declaredOf, DeclaredSpread.Of(inferred, declaredOf), across);
    }

    /// <summary>
    /// Whether a close comes before the moment asked on the closes' axis: stated — ended before <c>statedBy</c> (every close
    /// when it is not given); recorded — closed in the record before <c>asOf</c> (every close by then when it is not given).
    /// </summary>
    public static bool Before(MeetingClose close, TimelineAxis axis, TimeAxes axes) => axis == TimelineAxis.Recorded
        ? axes.AsOf is not { } at || close.ClosedAt < at
        : axes.StatedBy is not { } by || close.EndsOn < by;

    /// <summary>The vote matrix of some measured issues: each counted position's stance.</summary>
    public static StanceMatrix MatrixOf(IEnumerable<MeasuredIssue> issues) =>
        StanceMatrix.Of(issues.SelectMany(i => i.Positions.Select(p => new StanceCell(p.Stakeholder, i.Issue, p.Stance))));

    /// <summary>The measured issues of a snapshot, those of <paramref name="theme"/> only when given (as the process files them), in key order.</summary>
    public static IReadOnlyList<MeasuredIssue> IssuesOf(ConvergenceSnapshot snapshot, ProcessDetails process, string? theme) =>
    [
        .. snapshot.Issues.Values
            .Where(i => theme is null || string.Equals(process.Issue(i.Issue)?.Theme, theme, StringComparison.OrdinalIgnoreCase))
            .OrderBy(i => i.Issue, StringComparer.Ordinal),
    ];

    /// <summary>The theme as the process spells it (matched without regard to case), or 400 naming the themes it has.</summary>
    private static string? ThemeOf(ProcessDetails process, string? asked)
    {
        if (string.IsNullOrWhiteSpace(asked))
        {
            return null;
        }

        var themes = process.Issues.Select(i => i.Theme).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return themes.FirstOrDefault(t => string.Equals(t, asked.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ValidationException([new ValidationFailure("theme",
                themes.Count == 0
                    ? $"Process '{process.Id}' has no issue with a theme."
                    : $"Process '{process.Id}' has no issue with theme '{asked}'; its themes: {string.Join(", ", themes)}.")]);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/opinion-groups",
                async (string process, string? asOf, string? statedBy, string? axis, string? grouping, string? theme, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(process, asOf, statedBy, axis, grouping, theme), ct)))
            .WithName("GetOpinionGroups")
            .WithSummary("Opinion groups inferred from the positions, beside the declared groups: the map, each group's members and representative issues, how declared groups spread, bridging issues, GIC across both")
            .WithDescription("Polis's method over the effective positions the convergence measure counts (own or inherited, entitled stakeholders): "
                + "votes +1 (stance +1/+2), −1 (−1/−2), 0 (neutral), none where no position; stakeholders with fewer than 7 positions (every issue when fewer) left out; "
                + "the first two principal components of the centred votes (missing at the issue's mean); k-means for k 2–5 chosen by silhouette, seeded; "
                + "one group (structure false, with the reason) below 30 stakeholders on the map or a best silhouette below 0.55. "
                + "Representative issues by Polis's tests at 90%; declared groups' spread over the opinion groups and members standing apart; "
                + "each issue measured across the opinion groups with the declared measure's code and levels; bridging issues: the weakest opinion group's p_g "
                + "reaches the broad-convergence threshold. An inference: it attributes no position to anyone. Labels carry over along the meeting closes "
                + "before the moment asked, read on the closes' axis: " + TimelineAxisRules.Description + " Not axis=Recorded with statedBy. "
                + PositionViewRules.AxesDescription + " " + GroupingRules.Description
                + " theme (optional): only the issues of that theme (case-insensitive); a theme no issue has → 400 naming the process's themes.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
