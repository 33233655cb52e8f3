using Consultation.Positions.Views;

namespace Consultation.Meetings.Reading;

/// <summary>
/// The positions stated or revised at a meeting (their source is that meeting): each valid-time version as the record held
/// it at <see cref="Query.AsOf"/> (now when null), by issue then stakeholder. For the meeting page.
/// </summary>
public static class PositionsStatedAt
{
    public sealed record Query(string Process, string Meeting, string? AsOf = null) : IQuery<IReadOnlyList<PositionVersion>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(x => x.AsOf).AsOfTimestamp();
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, IReadOnlyList<PositionVersion>>
    {
        public async ValueTask<IReadOnlyList<PositionVersion>> Handle(Query query, CancellationToken cancellationToken) =>
            await session.Query<PositionVersion>()
                .Where(x => x.Process == query.Process && x.Meeting == query.Meeting)
                .RecordedAt(TimeAxes.ParseTimestamp(query.AsOf))
                .OrderBy(x => x.Issue).ThenBy(x => x.Stakeholder).ThenBy(x => x.StatedOn)
                .ToListAsync(cancellationToken);
    }
}
