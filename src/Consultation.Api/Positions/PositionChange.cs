using Consultation.Infrastructure.EventStore;
using Consultation.Infrastructure.Validation;
using FluentValidation;
using Marten;

namespace Consultation.Positions;

/// <summary>The body of a revision: the position's new content and why it shifted.</summary>
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

/// <summary>Fetches the position and the facts a change is checked against in one round trip, then lets the slice decide.</summary>
public abstract class PositionChangeHandler<TCommand>(IDocumentSession session, WrittenViews written, TimeProvider time, Func<Position, TCommand, PositionFacts, object> decide)
    : PositionUpdateHandler<TCommand>(session, written, time, decide, (command, _) => (command.Change.Meeting!, command.Change.Statement))
    where TCommand : IPositionChangeCommand;
