using Consultation.Infrastructure.EventStore;
using Consultation.Infrastructure.Validation;
using FluentValidation;
using Marten;

namespace Consultation.Positions;

/// <summary>The body of a revision or a correction: the position's new content and why it changed.</summary>
public sealed record PositionChange(
    int? Stance,
    string? Conditions,
    string? Summary,
    string? Quote,
    string? QuoteLanguage,
    string? Meeting,
    string? Statement,
    string? DocumentReference,
    DateOnly? StatedOn,
    string? Reason) : IPositionInput;

/// <summary>An update of an existing position stream that carries a <see cref="PositionChange"/>.</summary>
public interface IPositionChangeCommand : IStreamUpdate
{
    PositionChange Change { get; }
}

public sealed class PositionChangeValidator : AbstractValidator<PositionChange>
{
    public PositionChangeValidator()
    {
        this.AddContentRules();
        RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
    }
}

/// <summary>Loads the facts a position change is checked against, then lets the slice decide.</summary>
public abstract class PositionChangeHandler<TCommand>(IDocumentSession session, Func<Position, TCommand, PositionFacts, object> decide)
    : StreamUpdateHandler<PositionDetails, TCommand>(session, "Position")
    where TCommand : IPositionChangeCommand
{
    protected override async ValueTask<IReadOnlyList<object>> DecideAsync(PositionDetails current, TCommand command, CancellationToken cancellationToken)
    {
        var facts = await PositionFactsLoader.LoadAsync(Session, current.Process, current.Stakeholder, null, command.Change.Meeting!, cancellationToken);
        return [decide(Position.From(current), command, facts)];
    }
}
