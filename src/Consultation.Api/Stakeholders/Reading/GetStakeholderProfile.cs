using Consultation.Infrastructure.Pipeline;
using Consultation.Meetings;

namespace Consultation.Stakeholders.Reading;

/// <summary>
/// A stakeholder at a glance: the registry record (groups over time, accreditations), the meetings
/// it attended by date, and how many statements it made or had made on its behalf, latest first.
/// </summary>
public static class GetStakeholderProfile
{
    public const int RecentStatements = 10;

    public sealed record Query(string Key) : IQuery<StakeholderProfile>;

    public sealed record StakeholderProfile(
        StakeholderDetails Stakeholder,
        IReadOnlyList<AttendedMeeting> MeetingsAttended,
        int StatementsMade,
        int StatementsOnItsBehalf,
        IReadOnlyList<StatementRecord> LatestStatements);

    public sealed class Handler(IMediator mediator, IQuerySession session, RequestContext context) : IQueryHandler<Query, StakeholderProfile>
    {
        public async ValueTask<StakeholderProfile> Handle(Query query, CancellationToken cancellationToken)
        {
            var stakeholder = await mediator.Send(new GetStakeholder.Query(query.Key), cancellationToken);
            var meetings = await new MeetingsAttended(session, context.Processes).ListAsync(query.Key, cancellationToken);
            IQueryable<StatementRecord> statements = session.Query<StatementRecord>();
            if (!context.Processes.IsEverything)
            {
                var mine = context.Processes.Keys;
                statements = statements.Where(x => x.Process.IsOneOf(mine));
            }

            var made = await statements.CountAsync(x => x.Speaker == query.Key, cancellationToken);
            var onBehalf = await statements.CountAsync(x => x.OnBehalfOf == query.Key, cancellationToken);
            var latest = await statements
                .Where(x => x.Speaker == query.Key || x.OnBehalfOf == query.Key)
                .OrderByDescending(x => x.SaidOn).ThenByDescending(x => x.RecordedAt)
                .Take(RecentStatements)
                .ToListAsync(cancellationToken);
            return new StakeholderProfile(stakeholder, meetings, made, onBehalf, [.. latest]);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/stakeholders/{key}/profile", async (string key, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var profile = await mediator.Send(new Query(key), ct);
                http.Response.Headers.ETag = ETags.For(profile.Stakeholder.Version);
                return TypedResults.Ok(profile);
            })
            .WithName("GetStakeholderProfile")
            .WithSummary("A stakeholder's profile: groups over time, accreditations, meetings attended, statements")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
