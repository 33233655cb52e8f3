using Consultation.Convergence.Measuring;
using Consultation.Convergence.Summaries;
using Consultation.Positions.Views;

namespace Consultation.Audit.Diffing;

/// <summary>
/// What changed in a process between two recorded moments: the position and area events recorded
/// from <c>from</c> (inclusive) to <c>to</c> (exclusive, default now), and the issues whose
/// convergence level differs between the record as it stood at <c>from</c> and at <c>to</c>.
/// </summary>
public static class DiffProcess
{
    public const int MaxChanges = 10_000;

    public sealed record Query(string Process, string? From, string? To) : IQuery<ProcessDiff>;

    public sealed record ProcessDiff(
        string Process,
        DateTimeOffset From,
        DateTimeOffset To,
        IReadOnlyList<AuditEntry> PositionChanges,
        IReadOnlyList<AuditEntry> AreaChanges,
        IReadOnlyList<LevelChange> LevelChanges,
        bool Truncated);

    /// <summary>An issue whose level moved; null where the issue was not yet tabled.</summary>
    public sealed record LevelChange(string Issue, ConvergenceLevel? Before, ConvergenceLevel? After, double? GicnBefore, double? GicnAfter);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Process).NotEmpty().Slug();
            RuleFor(x => x.From).NotEmpty().AsOfTimestamp();
            RuleFor(x => x.To).AsOfTimestamp();
            RuleFor(x => x.To).Must((q, to) => TimeAxes.ParseTimestamp(to) is not { } end || TimeAxes.ParseTimestamp(q.From) is not { } start || start < end)
                .WithMessage("'To' must be later than 'From'.");
        }
    }

    public sealed class Handler(IQuerySession session, IDocumentStore store, TimeProvider clock, SettledSnapshots snapshots) : IQueryHandler<Query, ProcessDiff>
    {
        public async ValueTask<ProcessDiff> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await session.RequireProcessAsync(query.Process, null, cancellationToken);
            var from = TimeAxes.ParseTimestamp(query.From)!.Value;
            var to = TimeAxes.ParseTimestamp(query.To) ?? clock.GetUtcNow();
            var positions = await ChangesAsync(process.Id, from, to, StreamKind.Position, cancellationToken);
            var areas = await ChangesAsync(process.Id, from, to, StreamKind.Area, cancellationToken);

            // Each side as it stood then, thresholds included.
            var before = await snapshots.TakeAsync(
                session, process, new TimeAxes(from, null), (await IssueConvergence.SettingsAsync(session, process.Id, from, cancellationToken)).RulesFor(null), null, cancellationToken);
            var after = await snapshots.TakeAsync(
                session, process, new TimeAxes(to, null), (await IssueConvergence.SettingsAsync(session, process.Id, to, cancellationToken)).RulesFor(null), null, cancellationToken);
            var levels = before.Issues.Keys.Union(after.Issues.Keys).Order(StringComparer.Ordinal)
                .Select(issue => (Before: before.Issues.GetValueOrDefault(issue)?.Measure, After: after.Issues.GetValueOrDefault(issue)?.Measure, Issue: issue))
                .Where(x => x.Before?.Level != x.After?.Level)
                .Select(x => new LevelChange(x.Issue, x.Before?.Level, x.After?.Level, x.Before?.Gicn, x.After?.Gicn))
                .ToList();

            return new ProcessDiff(process.Id, from, to, positions, areas, levels, positions.Count >= MaxChanges || areas.Count >= MaxChanges);
        }

        private async Task<List<AuditEntry>> ChangesAsync(string process, DateTimeOffset from, DateTimeOffset to, StreamKind kind, CancellationToken cancellationToken)
        {
            var changes = new List<AuditEntry>();
            await foreach (var entry in AuditLog.QueryAsync(store, new AuditFilter(from, to, null, null, process, kind, 0, MaxChanges), cancellationToken))
            {
                changes.Add(entry);
            }

            return changes;
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/audit/diff", async (string? process, string? from, string? to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(process ?? string.Empty, from, to), ct)))
            .WithName("DiffProcess")
            .WithSummary("What changed in a process between two recorded moments")
            .WithDescription("Position and area events recorded in [from, to) and the issues whose convergence level differs between the record at 'from' and at 'to' (default now). At most 10,000 events of each kind ('truncated' says when more).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
