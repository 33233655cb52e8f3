using Consultation.Convergence.Summaries;
using Consultation.Positions.Views;

namespace Consultation.Dashboard.Moments;

/// <summary>The closed meetings of a process with their recorded closes, in calendar order: the moments a page can be replayed at.</summary>
public static class MeetingCloses
{
    public sealed record Query(string Process) : IQuery<IReadOnlyList<MeetingClose>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(x => x.Process).Slug();
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, IReadOnlyList<MeetingClose>>
    {
        public async ValueTask<IReadOnlyList<MeetingClose>> Handle(Query query, CancellationToken cancellationToken)
        {
            await session.RequireProcessAsync(query.Process, null, cancellationToken);
            return await ClosedMeetings.OfAsync(session, query.Process, null, cancellationToken);
        }
    }
}
