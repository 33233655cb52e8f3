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

    public sealed record Command(string Process, long ExpectedVersion, Request Thresholds) : ICommand<StreamWritten>
    {
        public ConvergenceThresholds ToThresholds() => new(
            Thresholds.MinPositions!.Value,
            Thresholds.MinGroups!.Value,
            Thresholds.ConsensusGicn!.Value,
            Thresholds.BroadConvergenceGicn!.Value,
            Thresholds.EmergingGicn!.Value,
            Thresholds.BroadConvergenceMaxOpposition!.Value);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.Thresholds.MinPositions).NotNull().OverridePropertyName("minPositions");
            RuleFor(x => x.Thresholds.MinGroups).NotNull().OverridePropertyName("minGroups");
            RuleFor(x => x.Thresholds.ConsensusGicn).NotNull().OverridePropertyName("consensusGicn");
            RuleFor(x => x.Thresholds.BroadConvergenceGicn).NotNull().OverridePropertyName("broadConvergenceGicn");
            RuleFor(x => x.Thresholds.EmergingGicn).NotNull().OverridePropertyName("emergingGicn");
            RuleFor(x => x.Thresholds.BroadConvergenceMaxOpposition).NotNull().OverridePropertyName("broadConvergenceMaxOpposition");
            RuleFor(x => x.Thresholds.Reason!).FreeText(TextRules.ReasonMaxLength).When(x => x.Thresholds.Reason is not null).OverridePropertyName("reason");
            RuleFor(x => x).Custom((command, context) =>
            {
                var t = command.Thresholds;
                if (t.MinPositions is null || t.MinGroups is null || t.ConsensusGicn is null || t.BroadConvergenceGicn is null
                    || t.EmergingGicn is null || t.BroadConvergenceMaxOpposition is null)
                {
                    return;
                }

                foreach (var (field, message) in command.ToThresholds().Problems())
                {
                    context.AddFailure(char.ToLowerInvariant(field[0]) + field[1..], message);
                }
            });
        }
    }

    public static ConvergenceThresholdsSet Decide(ProcessDetails? process, Command command) =>
        new(ConvergenceSettingsStream.RequireOpen(process, command.Process, "convergence thresholds").Id, command.ToThresholds(), command.Thresholds.Reason?.Trim());

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var process = await session.LoadAsync<ProcessDetails>(command.Process, cancellationToken);
            return await ConvergenceSettingsStream.AppendAsync(session, command.Process, command.ExpectedVersion, _ => Decide(process, command), cancellationToken);
        }
    }
}
