using Consultation.Infrastructure.Pipeline;
using Marten.Pagination;

namespace Consultation.Stakeholders.Listing;

/// <summary>
/// The stakeholder registry, filtered by kind, regional group, name, membership of a group on a date
/// or accreditation to a process, in pages ordered by key.
/// </summary>
public static class ListStakeholders
{
    public const int MaxSearchLength = 100;

    public sealed record Query(
        string? Kind,
        string? RegionalGroup,
        string? Search,
        int Page,
        int PageSize,
        string? Group = null,
        string? On = null,
        [property: NamesProcess] string? AccreditedTo = null)
        : IQuery<Page<StakeholderDetails>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).OneOf<Query, StakeholderKind>();
            RuleFor(x => x.RegionalGroup).OneOf<Query, RegionalGroup>();
            RuleFor(x => x.Search).MaximumLength(MaxSearchLength);
            RuleFor(x => x.Group).Slug().When(x => x.Group is not null);
            RuleFor(x => x.On).IsoDate();
            RuleFor(x => x.On).Null().When(x => x.Group is null && x.AccreditedTo is null)
                .WithMessage("'on' dates a group membership or an accreditation: give 'group' or 'accreditedTo' with it.");
            RuleFor(x => x.AccreditedTo).Slug().When(x => x.AccreditedTo is not null);
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<StakeholderDetails>.MaxSize);
        }
    }

    public sealed class Handler(IQuerySession session, TimeProvider time, RequestContext context) : IQueryHandler<Query, Page<StakeholderDetails>>
    {
        public async ValueTask<Page<StakeholderDetails>> Handle(Query query, CancellationToken cancellationToken)
        {
            IQueryable<StakeholderDetails> stakeholders = session.Query<StakeholderDetails>();
            if (TextRules.ParseOptionalEnum<StakeholderKind>(query.Kind) is { } kind)
            {
                stakeholders = stakeholders.Where(x => x.Kind == kind);
            }

            if (TextRules.ParseOptionalEnum<RegionalGroup>(query.RegionalGroup) is { } group)
            {
                stakeholders = stakeholders.Where(x => x.RegionalGroup == group);
            }

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var search = query.Search.Trim();
                stakeholders = stakeholders.Where(x =>
                    x.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || x.Id.Contains(search, StringComparison.OrdinalIgnoreCase));
            }

            if (query.Group is { } memberOf)
            {
                stakeholders = stakeholders.Where(GroupMembers.MemberOn(memberOf, IsoDates.ParseOptional(query.On) ?? time.Today()));
            }

            if (query.AccreditedTo is { } process)
            {
                var day = IsoDates.ParseOptional(query.On) ?? time.Today();
                stakeholders = stakeholders.Where(x => x.Accreditations.Any(a => a.Process == process && a.AccreditedOn <= day && (a.EndedOn == null || a.EndedOn > day)));
            }

            var page = await stakeholders.OrderBy(x => x.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<StakeholderDetails>([.. page.Select(s => s.VisibleTo(context.Processes))], query.Page, query.PageSize, page.TotalItemCount);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/stakeholders",
                async (string? kind, string? regionalGroup, string? search, string? group, string? on, string? accreditedTo, int? page, int? pageSize,
                        IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(
                        new Query(kind, regionalGroup, search, page ?? 1, pageSize ?? Page<StakeholderDetails>.DefaultSize, group, on, accreditedTo), ct)))
            .WithName("ListStakeholders")
            .WithSummary("List stakeholders")
            .WithDescription("Filters: kind, regionalGroup, search (in name or key), group (members of that group on the date 'on', default today), "
                + "accreditedTo (accredited to that process on the date 'on', default today). Paged: page (from 1), pageSize (1-200, default 50).")
            .ProducesValidationProblem();
}
