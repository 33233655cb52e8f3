using Consultation.Processes;

namespace Consultation.Convergence.Measuring.Thresholds;

/// <summary>
/// Set the thresholds a process's convergence levels are judged by. Read the settings first (GET answers the defaults
/// with ETag "0" when none were set) and send that ETag in If-Match. The process must exist and not be concluded.
/// </summary>
public static class SetConvergenceThresholds
{
    public sealed record Request(
        int? MinPositions,
        int? MinGroups,
        double? ConsensusGicn,
        double? BroadConvergenceGicn,
        double? EmergingGicn,
        double? BroadConvergenceMaxOpposition,
        string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            // The fields are named in camelCase, as they always were in the messages ('min Positions' must not be empty).
            RuleFor(x => x.MinPositions).NotNull().OverridePropertyName("minPositions");
            RuleFor(x => x.MinGroups).NotNull().OverridePropertyName("minGroups");
            RuleFor(x => x.ConsensusGicn).NotNull().OverridePropertyName("consensusGicn");
            RuleFor(x => x.BroadConvergenceGicn).NotNull().OverridePropertyName("broadConvergenceGicn");
            RuleFor(x => x.EmergingGicn).NotNull().OverridePropertyName("emergingGicn");
            RuleFor(x => x.BroadConvergenceMaxOpposition).NotNull().OverridePropertyName("broadConvergenceMaxOpposition");
            RuleFor(x => x.Reason!).FreeText(TextRules.ReasonMaxLength).When(x => x.Reason is not null).OverridePropertyName("reason");
            RuleFor(x => x).Custom((request, context) =>
            {
                if (request is not { MinPositions: { } minPositions, MinGroups: { } minGroups, ConsensusGicn: { } consensus, BroadConvergenceGicn: { } broad,
                        EmergingGicn: { } emerging, BroadConvergenceMaxOpposition: { } maxOpposition })
                {
                    return;
                }

                foreach (var (field, message) in new ConvergenceThresholds(minPositions, minGroups, consensus, broad, emerging, maxOpposition).Problems())
                {
                    context.AddFailure(char.ToLowerInvariant(field[0]) + field[1..], message);
                }
            });
        }
    }

    public sealed record Command(string Process, long ExpectedVersion, Request Request) : ICommand<StreamWritten>, IFromRequest<Request>
    {
        public ConvergenceThresholds Thresholds => new(
            Request.MinPositions!.Value,
            Request.MinGroups!.Value,
            Request.ConsensusGicn!.Value,
            Request.BroadConvergenceGicn!.Value,
            Request.EmergingGicn!.Value,
            Request.BroadConvergenceMaxOpposition!.Value);

        public string? Reason => Request.Reason;
    }

    public sealed class PathValidator : AbstractValidator<Command>
    {
        public PathValidator() => RuleFor(x => x.Process).Slug();
    }

    public static ConvergenceThresholdsSet Decide(ProcessDetails? process, Command command) =>
        new(ConvergenceSettingsStream.RequireOpen(process, command.Process, "convergence thresholds").Id, command.Thresholds, command.Reason?.Trim());

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var process = await session.LoadAsync<ProcessDetails>(command.Process, cancellationToken);
            return await ConvergenceSettingsStream.AppendAsync(session, command.Process, command.ExpectedVersion, _ => Decide(process, command), cancellationToken);
        }
    }
}
