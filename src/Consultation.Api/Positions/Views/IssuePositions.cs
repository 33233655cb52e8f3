using Consultation.Stakeholders;

namespace Consultation.Positions.Views;

/// <summary>
/// Positions on an issue as a matrix of stakeholders × stance: every stakeholder with a standing position, own or
/// inherited from a group (<see cref="Inheritance"/>), filtered by kind, regional group and membership of a group,
/// ordered by stakeholder key and paged, with counts per stance over the whole filtered set. Both as-of axes apply
/// (<see cref="TimeAxes"/>). Shape: one indexed query for the issue's standing rows, one for the stakeholders holding them and the members
/// of those that are groups — whatever the number of rows.
/// </summary>
public static class IssuePositions
{
    public sealed record Query(
        string Process,
        string Issue,
        string? Kind,
        string? RegionalGroup,
        string? Group,
        string? AsOf,
        string? StatedBy,
        int Page,
        int PageSize) : IQuery<Matrix>;

    public sealed record Row(
        string Stakeholder,
        string Name,
        StakeholderKind Kind,
        RegionalGroup? RegionalGroup,
        int Stance,
        string? Conditions,
        DateOnly StatedOn,
        bool Inherited,
        string? InheritedFrom,
        DateOnly? InheritedSince,
        string? SpokenBy,
        string? Meeting,
        string? Submission,
        long Version);

    /// <summary>How many stakeholders of the filtered set take each stance.</summary>
    public sealed record StanceCounts(int Opposes, int HasReservations, int Neutral, int Supports, int StronglySupports, int Inherited)
    {
        public static StanceCounts Of(IReadOnlyCollection<Row> rows) => new(
            rows.Count(r => r.Stance == Stances.Opposes),
            rows.Count(r => r.Stance == Stances.HasReservations),
            rows.Count(r => r.Stance == Stances.Neutral),
            rows.Count(r => r.Stance == Stances.Supports),
            rows.Count(r => r.Stance == Stances.StronglySupports),
            rows.Count(r => r.Inherited));
    }

    public sealed record Matrix(
        string Process,
        string Issue,
        DateTimeOffset? AsOf,
        DateOnly? StatedBy,
        StanceCounts Counts,
        IReadOnlyList<Row> Items,
        int PageNumber,
        int PageSize,
        long TotalItems,
        long TotalPages);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.Issue).Slug();
            RuleFor(x => x.Kind).OneOf<Query, StakeholderKind>();
            RuleFor(x => x.RegionalGroup).OneOf<Query, RegionalGroup>();
            RuleFor(x => x.Group).Slug().When(x => x.Group is not null);
            RuleFor(x => x.AsOf).AsOfTimestamp();
            RuleFor(x => x.StatedBy).IsoDate();
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<Row>.MaxSize);
        }
    }

    public sealed class Handler(IQuerySession session, TimeProvider time) : IQueryHandler<Query, Matrix>
    {
        public async ValueTask<Matrix> Handle(Query query, CancellationToken cancellationToken)
        {
            await session.RequireProcessAsync(query.Process, query.Issue, cancellationToken);
            var axes = TimeAxes.Parse(query.AsOf, query.StatedBy);
            var memberOn = Inheritance.DateAskedAbout(axes, time);
            var effective = await session.EffectivePositionsAsync(query.Process, query.Issue, axes, memberOn, cancellationToken);

            var kind = TextRules.ParseOptionalEnum<StakeholderKind>(query.Kind);
            var regionalGroup = TextRules.ParseOptionalEnum<RegionalGroup>(query.RegionalGroup);
            var rows = effective
                .Where(x => kind is null || x.Details.Kind == kind)
                .Where(x => regionalGroup is null || x.Details.RegionalGroup == regionalGroup)
                .Where(x => query.Group is null || x.Details.Groups.Any(g => g.Group == query.Group && g.Covers(memberOn)))
                .OrderBy(x => x.Effective.Stakeholder, StringComparer.Ordinal)
                .Select(x => ToRow(x.Effective, x.Details))
                .ToList();

            var page = new Page<Row>([.. rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], query.Page, query.PageSize, rows.Count);
            return new Matrix(query.Process, query.Issue, axes.AsOf, axes.StatedBy, StanceCounts.Of(rows), page.Items, page.PageNumber, page.PageSize, page.TotalItems, page.TotalPages);
        }

        private static Row ToRow(EffectiveRow e, StakeholderDetails details) => new(
            e.Stakeholder,
            details.Name,
            details.Kind,
            details.RegionalGroup,
            e.Row.Stance,
            e.Row.Conditions,
            e.Row.StatedOn,
            e.Inherited,
            e.InheritedFrom,
            e.InheritedSince,
            e.Row.SpokenBy,
            e.Row.Meeting,
            e.Row.Submission,
            e.Row.Version);
    }

    /// <summary>
    /// Every standing position on the issue at <paramref name="axes"/>, own or inherited on <paramref name="on"/> (<see cref="Inheritance"/>), with the
    /// stakeholder's details, in no particular order: the unfiltered, unpaged rows of the matrix. Three indexed queries,
    /// whatever the number of rows. Also the input of the measured convergence.
    /// </summary>
    public static async Task<IReadOnlyList<(EffectiveRow Effective, StakeholderDetails Details)>> EffectivePositionsAsync(
        this IQuerySession session, string process, string issue, TimeAxes axes, DateOnly on, CancellationToken cancellationToken)
    {
        var standing = await session.Query<PositionVersion>()
            .Where(x => x.Process == process && x.Issue == issue)
            .StandingAt(axes)
            .ToListAsync(cancellationToken);
        var owners = standing.Select(r => r.Stakeholder).Distinct(StringComparer.Ordinal).ToArray();
        var people = await session.OwnersAndMembersAsync(owners, cancellationToken);
        var effective = Inheritance.Resolve(standing, people, on);
        var stakeholders = people.ById();

        return
        [
            .. effective.Values
                .Where(e => stakeholders.ContainsKey(e.Stakeholder))
                .Select(e => (e, stakeholders[e.Stakeholder])),
        ];
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/issues/{issue}/positions",
                async (string process, string issue, string? kind, string? regionalGroup, string? group, string? asOf, string? statedBy, int? page, int? pageSize,
                        IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(
                        new Query(process, issue, kind, regionalGroup, group, asOf, statedBy, page ?? 1, pageSize ?? Page<Row>.DefaultSize), ct)))
            .WithName("ListIssuePositions")
            .WithSummary("Positions on an issue: stakeholders × stance, own and inherited, with counts per stance")
            .WithDescription("Filters: kind, regionalGroup, group (members of that group on statedBy, default today). Ordered by stakeholder key; "
                + "paged: page (from 1), pageSize (1-200, default 50); counts cover the whole filtered set. " + PositionViewRules.AxesDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
