using Consultation.Meetings;
using Consultation.Stakeholders;

namespace Consultation.Positions.Views;

/// <summary>
/// Stance shifts in a process: the revisions (real shifts) whose stated-on date falls in a window — who moved, on
/// which issue, from what to what, and why. Corrections are not shifts: they never appear here, but a correction of
/// either side of a revision is applied to it (as known at <c>asOf</c>). The window is <c>from</c>…<c>to</c>
/// (dates, inclusive) or <c>fromMeeting</c>…<c>toMeeting</c> (from the first day of the one to the last day of the
/// other); <c>statedBy</c>, when given, caps it. Two indexed queries: the revisions, then the versions they replaced.
/// </summary>
public static class StanceShifts
{
    public sealed record Query(
        string Process,
        string? From,
        string? To,
        string? FromMeeting,
        string? ToMeeting,
        string? Issue,
        string? AsOf,
        string? StatedBy) : IQuery<Shifts>;

    public sealed record Shift(
        string Issue,
        string Stakeholder,
        string? SpokenBy,
        int FromStance,
        int ToStance,
        int Movement,
        DateOnly FromStatedOn,
        DateOnly StatedOn,
        string? Reason,
        string? Meeting,
        string? Submission,
        long Version,
        DateTimeOffset RecordedAt);

    public sealed record Shifts(string Process, DateOnly? From, DateOnly? To, DateTimeOffset? AsOf, IReadOnlyList<Shift> Items);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.From).IsoDate();
            RuleFor(x => x.To).IsoDate();
            RuleFor(x => x.FromMeeting).Slug().When(x => x.FromMeeting is not null);
            RuleFor(x => x.ToMeeting).Slug().When(x => x.ToMeeting is not null);
            RuleFor(x => x.From).Null().When(x => x.FromMeeting is not null).WithMessage("Give 'from' or 'fromMeeting', not both.");
            RuleFor(x => x.To).Null().When(x => x.ToMeeting is not null).WithMessage("Give 'to' or 'toMeeting', not both.");
            RuleFor(x => x.To)
                .Must((q, to) => IsoDates.ParseOptional(q.From) is not { } from || IsoDates.ParseOptional(to) is not { } until || from <= until)
                .WithMessage("'to' must not be before 'from'.");
            RuleFor(x => x.Issue).Slug().When(x => x.Issue is not null);
            RuleFor(x => x.AsOf).AsOfTimestamp();
            RuleFor(x => x.StatedBy).IsoDate();
        }
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, Shifts>
    {
        public async ValueTask<Shifts> Handle(Query query, CancellationToken cancellationToken)
        {
            await session.RequireProcessAsync(query.Process, query.Issue, cancellationToken);
            var axes = TimeAxes.Parse(query.AsOf, query.StatedBy);
            var from = query.FromMeeting is { } fromMeeting
                ? (await MeetingAsync(query.Process, fromMeeting, cancellationToken)).StartsOn
                : IsoDates.ParseOptional(query.From);
            var to = query.ToMeeting is { } toMeeting
                ? (await MeetingAsync(query.Process, toMeeting, cancellationToken)).EndsOn
                : IsoDates.ParseOptional(query.To);
            if (axes.StatedBy is { } cap && (to is null || cap < to))
            {
                to = cap;
            }

            var revisions = session.Query<PositionVersion>()
                .Where(x => x.Process == query.Process && x.SegmentKind == PositionChangeKind.Revised)
                .RecordedAt(axes.AsOf);
            if (query.Issue is { } issue)
            {
                revisions = revisions.Where(x => x.Issue == issue);
            }

            if (from is { } start)
            {
                revisions = revisions.Where(x => x.StatedOn >= start);
            }

            if (to is { } end)
            {
                revisions = revisions.Where(x => x.StatedOn <= end);
            }

            var moved = await revisions.ToListAsync(cancellationToken);
            var keys = moved.Select(r => r.PositionKey).Distinct(StringComparer.Ordinal).ToArray();
            var replaced = keys.Length == 0
                ? []
                : await session.Query<PositionVersion>().Where(x => x.PositionKey.IsOneOf(keys)).RecordedAt(axes.AsOf).ToListAsync(cancellationToken);
            var bySegment = replaced.ToDictionary(r => (r.PositionKey, r.Segment));

            var shifts = moved
                .Where(r => r.PreviousSegment is { } previous && bySegment.ContainsKey((r.PositionKey, previous)))
                .Select(r => ToShift(bySegment[(r.PositionKey, r.PreviousSegment!.Value)], r))
                .OrderBy(s => s.StatedOn)
                .ThenBy(s => s.Issue, StringComparer.Ordinal)
                .ThenBy(s => s.Stakeholder, StringComparer.Ordinal)
                .ToList();
            return new Shifts(query.Process, from, to, axes.AsOf, shifts);
        }

        private async Task<MeetingDetails> MeetingAsync(string process, string meeting, CancellationToken cancellationToken) =>
            await session.LoadAsync<MeetingDetails>($"{process}/{meeting}", cancellationToken) ?? throw new StreamNotFound("Meeting", $"{process}/{meeting}");

        private static Shift ToShift(PositionVersion before, PositionVersion after) => new(
            after.Issue,
            after.Stakeholder,
            after.SpokenBy,
            before.Stance,
            after.Stance,
            after.Stance - before.Stance,
            before.StatedOn,
            after.StatedOn,
            after.RevisionReason,
            after.Meeting,
            after.Submission,
            after.Segment,
            after.FirstRecordedAt);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/shifts",
                async (string process, string? from, string? to, string? fromMeeting, string? toMeeting, string? issue, string? asOf, string? statedBy,
                        IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(process, from, to, fromMeeting, toMeeting, issue, asOf, statedBy), ct)))
            .WithName("ListStanceShifts")
            .WithSummary("Who moved, from what stance to what, on which issue, and why (revisions only; corrections are not shifts)")
            .WithDescription("Window by stated-on date: from/to (dates, inclusive) or fromMeeting/toMeeting (meeting slugs: from the first day of the one "
                + "to the last day of the other); optional issue. Movement = toStance - fromStance. " + PositionViewRules.AxesDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
