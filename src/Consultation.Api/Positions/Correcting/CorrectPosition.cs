using Consultation.Positions.Reading;
using Consultation.Positions.Writing;

namespace Consultation.Positions.Correcting;

/// <summary>
/// Fix how a position was recorded (typo, wrong stance entered, wrong meeting or submission). Not a shift: the
/// corrected content replaces what was recorded for the same moment, and shift views ignore it.
/// Only the fields named change (<see cref="PositionCorrection"/>).
/// </summary>
public static class CorrectPosition
{
    /// <summary>Correcting with the body (<see cref="PositionCorrection"/>, validated by <see cref="PositionCorrectionValidator"/>).</summary>
    public sealed record Command(string StreamKey, long ExpectedVersion, PositionCorrection Request) : IStreamUpdate, IFromRequest<PositionCorrection>
    {
        public string Reason => Request.Reason!;

        /// <summary>The recorded content with the correction applied (<see cref="PositionCorrection.ApplyTo"/>).</summary>
        public PositionContent ApplyTo(PositionContent recorded) => Request.ApplyTo(recorded);
    }

    public static PositionCorrected Decide(Position current, Command command, PositionFacts facts)
    {
        PositionRules.RequireStanding(current);
        facts.RequireProcess(current.Process);
        var content = command.ApplyTo(current.Content!);
        facts.RequireSource(current.Process, content.Source, content.StatedOn, "The stated-on date", keptSource: current.Content!.Source);
        facts.RequireForChange(current, content);
        return content == current.Content
            ? throw new DomainRuleViolation("Nothing to correct: the content is what is already recorded.")
            : new PositionCorrected(current.Id, content, command.Reason.Trim());
    }

    /// <summary>The facts are those of the source the corrected position will cite: the one named, or the one recorded.</summary>
    public sealed class Handler(IDocumentSession session, PositionWriteSession writes) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await writes.UpdateAsync(
                session,
                command,
                recorded => recorded is null ? command.Request.NamedSource : command.ApplyTo(recorded).Source,
                (current, facts) => Decide(current, command, facts),
                cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<PositionCorrection, PositionDetails>(
                "/processes/{process}/issues/{issue}/positions/{stakeholder}/correct",
                "position",
                (route, r, version) => new Command(
                    Position.KeyFor(route.Route("process"), route.Route("issue"), route.Route("stakeholder")), version, r),
                key => new GetPosition.Query(key))
            .WithName("CorrectPosition")
            .WithSummary("Correct how a position was recorded (not a shift)")
            .WithDescription("Send only the fields to correct: the others keep what is recorded. 'meeting' or 'submission' (not both) replaces the source. To remove the conditions, quote, cited statement or "
                + "document reference, name them in 'clear' (e.g. \"clear\": [\"quote\"]). 'quoteLanguage' alone corrects the recorded quote's language.");
}
