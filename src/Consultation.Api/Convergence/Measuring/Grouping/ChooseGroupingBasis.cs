using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Processes;

namespace Consultation.Convergence.Measuring.Grouping;

/// <summary>
/// Choose the grouping basis a process's convergence is measured across from now on: <c>regional-groups</c> (the default),
/// <c>kinds</c>, or a grouping the process defined. Every measure names the basis it used; earlier views replayed as of
/// an earlier moment keep the basis in force then. If-Match: the settings' ETag.
/// </summary>
public static class ChooseGroupingBasis
{
    public sealed record Request(string? Basis, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            // Named in camelCase, as the messages always quoted them ('basis' must not be empty).
            RuleFor(x => x.Basis).NotEmpty().Slug().OverridePropertyName("basis");
            RuleFor(x => x.Reason!).FreeText(TextRules.ReasonMaxLength).When(x => x.Reason is not null).OverridePropertyName("reason");
        }
    }

    public sealed record Command(string Process, long ExpectedVersion, Request Request) : ICommand<StreamWritten>, IFromRequest<Request>
    {
        public string Basis => Request.Basis!;

        public string? Reason => Request.Reason;
    }

    public sealed class PathValidator : AbstractValidator<Command>
    {
        public PathValidator() => RuleFor(x => x.Process).Slug();
    }

    public static GroupingBasisChosen Decide(ProcessDetails? process, ConvergenceSettings settings, Command command)
    {
        var open = ConvergenceSettingsStream.RequireOpen(process, command.Process, "grouping basis");
        var basis = command.Basis;
        if (!GroupingBasis.BuiltIn.Concat(settings.Groupings).Any(g => g.Name == basis))
        {
            throw new DomainRuleViolation($"Process '{open.Id}' has no grouping '{basis}'; define it first, or choose one of: "
                + string.Join(", ", GroupingBasis.BuiltIn.Concat(settings.Groupings).Select(g => g.Name)) + ".");
        }

        return settings.Basis == basis
            ? throw new DomainRuleViolation($"'{basis}' is already the grouping basis of process '{open.Id}'.")
            : new GroupingBasisChosen(open.Id, basis, command.Reason?.Trim());
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var process = await session.LoadAsync<ProcessDetails>(command.Process, cancellationToken);
            return await ConvergenceSettingsStream.AppendAsync(
                session, command.Process, command.ExpectedVersion, settings => Decide(process, settings, command), cancellationToken);
        }
    }
}
