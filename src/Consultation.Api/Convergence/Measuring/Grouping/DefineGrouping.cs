using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Convergence.Measuring.Grouping;

/// <summary>
/// Define (or redefine) a named grouping a process's convergence can be measured across: declared blocs, in order of
/// precedence (a stakeholder in several counts in the first), or custom groups with dated members. The stakeholders it
/// puts in no group are left out of the measure or form a group of their own. Defining does not choose it
/// (<see cref="ChooseGroupingBasis"/>); a read can ask for it by name at once. If-Match: the settings' ETag.
/// </summary>
public static class DefineGrouping
{
    /// <summary>The kinds of grouping a process defines (<see cref="GroupingKind"/>'s other two are built in).</summary>
    public enum DefinableKind
    {
        Blocs = GroupingKind.Blocs,
        Custom = GroupingKind.Custom,
    }

    public const int MaxGroups = 50;

    public const int MaxMembers = 5_000;

    public sealed record MemberRequest(string? Stakeholder, DateOnly? From, DateOnly? Until);

    public sealed record GroupRequest(string? Name, IReadOnlyList<MemberRequest>? Members);

    public sealed record Request(string? Kind, IReadOnlyList<string>? Blocs, IReadOnlyList<GroupRequest>? Groups, string? Ungrouped, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).NotEmpty().OneOf<Request, DefinableKind>().OverridePropertyName("kind");
            RuleFor(x => x.Ungrouped).NotEmpty().OneOf<Request, UngroupedRule>().OverridePropertyName("ungrouped");
            RuleFor(x => x.Reason!).FreeText(TextRules.ReasonMaxLength).When(x => x.Reason is not null).OverridePropertyName("reason");
            When(x => Is(x, GroupingKind.Blocs), () =>
            {
                RuleFor(x => x.Blocs).NotEmpty().Must(b => b!.Count <= MaxGroups).WithMessage($"A grouping lists at most {MaxGroups} blocs.")
                    .Must(b => b!.Distinct(StringComparer.Ordinal).Count() == b!.Count).WithMessage("A bloc is listed twice.")
                    .OverridePropertyName("blocs");
                RuleForEach(x => x.Blocs).Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule).OverridePropertyName("blocs");
                RuleFor(x => x.Groups).Null().WithMessage("A grouping of blocs takes 'blocs', not 'groups'.").OverridePropertyName("groups");
            });
            When(x => Is(x, GroupingKind.Custom), () =>
            {
                RuleFor(x => x.Blocs).Null().WithMessage("A custom grouping takes 'groups', not 'blocs'.").OverridePropertyName("blocs");
                RuleFor(x => x.Groups).NotEmpty().Must(g => g!.Count <= MaxGroups).WithMessage($"A grouping has at most {MaxGroups} groups.")
                    .Must(g => g!.Sum(x => x?.Members?.Count ?? 0) <= MaxMembers).WithMessage($"A grouping has at most {MaxMembers} members in all.")
                    .Must(g => g!.Select(x => x?.Name?.Trim()).Distinct(StringComparer.Ordinal).Count() == g!.Count).WithMessage("Two groups have the same name.")
                    .OverridePropertyName("groups");
                RuleForEach(x => x.Groups).NotNull().ChildRules(group =>
                {
                    group.RuleFor(g => g!.Name).NotEmpty().SingleLine(TextRules.NameMaxLength)
                        .Must(n => n?.Trim() != GroupAssignment.UngroupedName).WithMessage($"'{GroupAssignment.UngroupedName}' names the stakeholders in no group.");
                    group.RuleFor(g => g!.Members).NotNull();
                    group.RuleForEach(g => g!.Members).NotNull().ChildRules(member =>
                    {
                        member.RuleFor(m => m!.Stakeholder).NotEmpty().Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule);
                        member.RuleFor(m => m!.Until).Must((m, until) => until is null || m!.From is null || until > m.From)
                            .WithMessage("'until' must be after 'from' (a member until a day is no longer one on that day).");
                    });
                }).OverridePropertyName("groups");
                RuleFor(x => x.Groups).Custom((groups, context) =>
                {
                    foreach (var clash in Overlaps(groups))
                    {
                        context.AddFailure("groups", clash);
                    }
                });
            });
        }

        private static bool Is(Request request, GroupingKind kind) =>
            Enum.TryParse<DefinableKind>(request.Kind, true, out var k) && Enum.IsDefined(k) && (GroupingKind)k == kind;

        /// <summary>A stakeholder in two groups on the same day would count twice: each such pair, said once.</summary>
        private static IEnumerable<string> Overlaps(IReadOnlyList<GroupRequest>? groups)
        {
            var periods = (groups ?? [])
                .Where(g => g?.Members is not null)
                .SelectMany(g => g.Members!.Where(m => m?.Stakeholder is not null).Select(m => (Group: g.Name?.Trim(), m.Stakeholder, m.From, m.Until)))
                .GroupBy(p => p.Stakeholder, StringComparer.Ordinal);
            foreach (var stakeholder in periods)
            {
                var list = stakeholder.ToList();
                for (var i = 0; i < list.Count; i++)
                {
                    for (var j = i + 1; j < list.Count; j++)
                    {
                        var (a, b) = (list[i], list[j]);
                        if ((a.Until is null || b.From is null || b.From < a.Until) && (b.Until is null || a.From is null || a.From < b.Until))
                        {
                            yield return a.Group == b.Group
                                ? $"'{stakeholder.Key}' is listed twice in group '{a.Group}' for overlapping periods."
                                : $"'{stakeholder.Key}' is in groups '{a.Group}' and '{b.Group}' on the same days; a stakeholder counts in one group at a time.";
                        }
                    }
                }
            }
        }
    }

    public sealed record Command(string Process, string Grouping, long ExpectedVersion, Request Request) : ICommand<StreamWritten>, IFromRequest<Request>
    {
        public GroupingKind Kind => (GroupingKind)TextRules.ParseEnum<DefinableKind>(Request.Kind!);

        public GroupingBasis ToBasis() => new(
            Grouping,
            Kind,
            Kind == GroupingKind.Blocs ? [.. Request.Blocs!] : null,
            Kind == GroupingKind.Custom
                ? [.. Request.Groups!.Select(g => new CustomGroup(g.Name!.Trim(), [.. g.Members!.Select(m => new CustomMember(m.Stakeholder!, m.From, m.Until))]))]
                : null,
            TextRules.ParseEnum<UngroupedRule>(Request.Ungrouped!));

        public string? Reason => Request.Reason;
    }

    public sealed class PathValidator : AbstractValidator<Command>
    {
        public PathValidator()
        {
            RuleFor(x => x.Process).Slug();
            RuleFor(x => x.Grouping).Slug()
                .Must(name => !GroupingBasis.BuiltIn.Any(b => b.Name == name))
                .WithMessage($"'{GroupingBasis.RegionalGroupsName}' and '{GroupingBasis.KindsName}' are built in; a grouping of the process takes another name.");
        }
    }

    /// <summary>
    /// <paramref name="known"/>: the registered stakeholders among those the definition names. Every listed bloc must be a
    /// registered group or bloc, every member a registered stakeholder (409 naming the others).
    /// </summary>
    public static GroupingDefined Decide(ProcessDetails? process, IReadOnlyDictionary<string, StakeholderDetails> known, Command command)
    {
        var open = ConvergenceSettingsStream.RequireOpen(process, command.Process, "groupings");
        var basis = command.ToBasis();
        var unknown = basis.BlocsToRead.Concat((basis.Groups ?? []).SelectMany(g => g.Members.Select(m => m.Stakeholder)))
            .Where(key => !known.ContainsKey(key)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainRuleViolation($"No stakeholder is registered as {string.Join(", ", unknown.Take(20).Select(k => $"'{k}'"))}"
                + (unknown.Count > 20 ? $" (and {unknown.Count - 20} more)" : string.Empty) + ".");
        }

        var notBlocs = basis.BlocsToRead.Where(key => known[key].Kind != StakeholderKind.GroupOrBloc).ToList();
        if (notBlocs.Count > 0)
        {
            throw new DomainRuleViolation($"{string.Join(", ", notBlocs.Select(k => $"'{k}' ({known[k].Kind})"))} is not a group or bloc; a grouping of blocs lists blocs.");
        }

        return new GroupingDefined(open.Id, basis, command.Reason?.Trim());
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var process = await session.LoadAsync<ProcessDetails>(command.Process, cancellationToken);
            var basis = command.ToBasis();
            var keys = basis.BlocsToRead.Concat((basis.Groups ?? []).SelectMany(g => g.Members.Select(m => m.Stakeholder))).Distinct(StringComparer.Ordinal).ToArray();
            var known = (await session.LoadManyAsync<StakeholderDetails>(cancellationToken, keys)).ToDictionary(s => s.Id, StringComparer.Ordinal);
            return await ConvergenceSettingsStream.AppendAsync(session, command.Process, command.ExpectedVersion, _ => Decide(process, known, command), cancellationToken);
        }
    }
}
