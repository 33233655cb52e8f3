using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.EventStore;
using Consultation.Infrastructure.Validation;
using Consultation.Stakeholders;
using FluentValidation;

namespace Consultation.Positions.Stating;

/// <summary>
/// State a stakeholder's position on an issue, from what was said at a meeting. When the delegate
/// spoke for a group (<see cref="Command.OnBehalfOf"/>), the position is the group's.
/// </summary>
public static class StatePosition
{
    public sealed record Command(
        string? Process,
        string? Issue,
        string? Stakeholder,
        string? OnBehalfOf,
        int? Stance,
        string? Conditions,
        string? Summary,
        string? Quote,
        string? QuoteLanguage,
        string? Meeting,
        string? Statement,
        string? DocumentReference,
        DateOnly? StatedOn) : IPositionInput
    {
        /// <summary>Whose position this is: the group spoken for, else the speaker.</summary>
        public string Owner => OnBehalfOf ?? Stakeholder!;

        public string PositionKey => Position.KeyFor(Process!, Issue!, Owner);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Process).NotEmpty().Slug();
            RuleFor(x => x.Issue).NotEmpty().Slug();
            RuleFor(x => x.Stakeholder).NotEmpty().Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule);
            RuleFor(x => x.OnBehalfOf!).Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule).When(x => x.OnBehalfOf is not null);
            this.AddContentRules();
        }
    }

    public static PositionStated Decide(Position? current, Command command, PositionFacts facts)
    {
        facts.RequireOpenIssue(command.Process!, command.Issue!);
        var owner = facts.Stakeholder ?? throw new StreamNotFound("Stakeholder", command.Owner);
        if (command.OnBehalfOf is not null)
        {
            _ = facts.SpokenBy ?? throw new StreamNotFound("Stakeholder", command.Stakeholder!);
            if (owner.Kind is not (StakeholderKind.GroupOrBloc or StakeholderKind.IntergovernmentalOrganization))
            {
                throw new DomainRuleViolation($"'{owner.Id}' is a {owner.Kind}, not a group or bloc; a delegate can speak on behalf of groups only.");
            }
        }

        var content = command.ToContent();
        facts.RequireSource(command.Process!, content.Source, content.StatedOn, "The stated-on date");
        if (current is { IsWithdrawn: false })
        {
            throw new DomainRuleViolation($"'{owner.Id}' already has a position on '{command.Process}/{command.Issue}': revise it (a shift) or correct it (a recording mistake).");
        }

        if (current?.WithdrawnOn is { } withdrawnOn && content.StatedOn < withdrawnOn)
        {
            throw new DomainRuleViolation($"A position re-stated after its withdrawal ({withdrawnOn:yyyy-MM-dd}) cannot be dated before it ({content.StatedOn:yyyy-MM-dd}).");
        }

        return new PositionStated(command.PositionKey, command.Process!, command.Issue!, owner.Id, command.OnBehalfOf is null ? null : command.Stakeholder, content);
    }
}
