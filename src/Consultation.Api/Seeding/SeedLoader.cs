using Consultation.Convergence.Areas;
using Consultation.Convergence.Areas.Identifying;
using Consultation.Convergence.Areas.NotingDivergences;
using Consultation.Infrastructure.Pipeline;
using Consultation.Infrastructure.Security;
using Consultation.Meetings;
using Consultation.Meetings.Closing;
using Consultation.Meetings.Findings;
using Consultation.Meetings.Hosting;
using Consultation.Meetings.Opening;
using Consultation.Meetings.Recommendations;
using Consultation.Meetings.Registering;
using Consultation.Meetings.Scheduling;
using Consultation.Meetings.Statements;
using Consultation.Processes;
using Consultation.Processes.Divergences;
using Consultation.Processes.Issues;
using Consultation.Processes.Leadership;
using Consultation.Processes.Launching;
using Consultation.Processes.Phases;
using Consultation.Stakeholders;
using Consultation.Stakeholders.Registering;

namespace Consultation.Seeding;

/// <summary>
/// Loads a <see cref="SeedSet"/> through the same Mediator commands as the API (validation, decisions,
/// event metadata recorded as <see cref="SeedUser"/> in the role the API lets a person send each command in), idempotently: before each command it reads the
/// stream's read model and sends only what is missing, so a second load appends nothing.
/// </summary>
public sealed class SeedLoader(IServiceProvider services, ILogger<SeedLoader> logger)
{
    /// <summary>The seeds' own identity (reserved: no token can name it, see <c>TokenUser</c>).</summary>
    public const string SeedUser = "seed-loader";

    public const string SeedDisplayName = "Seed loader (seeds/ files)";

    public async Task<SeedReport> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        var seeds = SeedSet.Read(directory);
        var report = new SeedReport();
        var correlation = "seed-" + RequestContext.NewCorrelationId()[..12];

        foreach (var (s, i) in seeds.Stakeholders.Select((s, i) => (s, i)))
        {
            var at = Where(directory, SeedSet.StakeholdersFile, $"[{i}] ({s.Key})");
            if (await LoadAsync<StakeholderDetails>(s.Key!, cancellationToken) is not null)
            {
                report.Present("stakeholders");
                continue;
            }

            await SendAsync(at, correlation, new RegisterStakeholder.Command(new RegisterStakeholder.Request(s.Key, s.Kind, s.Name, null, s.RegionalGroup)), cancellationToken);
            report.Added("stakeholders");
        }

        Progress(report, "stakeholders");
        if (seeds.Process is { } processFile)
        {
            await LoadProcessAsync(directory, processFile, report, correlation, cancellationToken);
        }

        foreach (var (m, i) in seeds.Meetings.Select((m, i) => (m, i)))
        {
            await LoadMeetingAsync(Where(directory, SeedSet.MeetingsFile, $"[{i}] ({m.Meeting})"), m, report, correlation, cancellationToken);
        }

        Progress(report, "meetings", "participants", "statements", "findings", "recommendations", "meeting steps");
        if (seeds.Areas is { } areas)
        {
            await LoadAreasAsync(directory, areas, report, correlation, cancellationToken);
        }

        Progress(report, "areas", "divergences");
        logger.LogInformation("Seeds from {Directory}: {Added} facts added, {Present} already present", directory, report.TotalAdded, report.TotalPresent);
        return report;
    }

    private async Task LoadProcessAsync(string directory, ProcessSeedFile file, SeedReport report, string correlation, CancellationToken ct)
    {
        var p = file.Process!;
        var at = Where(directory, SeedSet.ProcessFile, "process");
        var details = await LoadAsync<ProcessDetails>(p.Key!, ct);
        if (details is null)
        {
            await SendAsync(at, correlation, new LaunchProcess.Command(new LaunchProcess.Request(p.Key, p.Title, p.MandateReference, p.StartsOn, p.PlannedEndOn)), ct);
            report.Added("processes");
        }
        else
        {
            report.Present("processes");
        }

        foreach (var (phase, i) in (file.Phases ?? []).Select((x, i) => (x, i)))
        {
            at = Where(directory, SeedSet.ProcessFile, $"phases[{i}] ({phase.Phase})");
            details = await LoadAsync<ProcessDetails>(p.Key!, ct);
            var existing = details!.Phases.FirstOrDefault(x => x.Key == phase.Phase);
            if (phase.StartedOn is null)
            {
                if (existing is not null || details.PlannedPhases.Any(x => x.Key == phase.Phase) || phase.AnnouncedOn is null)
                {
                    report.Present("planned phases");
                }
                else
                {
                    await SendAsync(at, correlation, new PlanPhase.Command(p.Key!, details.Version, new PlanPhase.Request(phase.Phase, phase.Title, phase.ExpectedYear, phase.AnnouncedOn)), ct);
                    report.Added("planned phases");
                }

                continue;
            }

            if (existing is null)
            {
                await SendAsync(at, correlation, new StartPhase.Command(p.Key!, details.Version, new StartPhase.Request(phase.Phase, phase.Title, phase.StartedOn)), ct);
                report.Added("phases");
                details = await LoadAsync<ProcessDetails>(p.Key!, ct);
            }
            else
            {
                report.Present("phases");
            }

            if (phase.EndedOn is not null && details!.Phases.First(x => x.Key == phase.Phase).EndedOn is null)
            {
                await SendAsync(at, correlation, new EndPhase.Command(p.Key!, details.Version, phase.Phase!, new EndPhase.Request(phase.EndedOn)), ct);
                report.Added("phase ends");
            }
        }

        var process = p.Key!;
        await SendMissingAsync(
            file.Leadership, "leadership notes", (l, i) => $"leadership[{i}]", process, directory, report, correlation, ct,
            (held, l) => held.Leadership.Any(x => Process.NoteOf(x.Role, x.Names) == Process.NoteOf(l.Role!.Trim(), (l.Names ?? []).Select(n => n?.Trim() ?? string.Empty))),
            (held, l) => new NoteLeadership.Command(process, held.Version, new NoteLeadership.Request(l.Role, l.Names, l.NotedOn)));
        await SendMissingAsync(
            file.Issues, "issues", (x, i) => $"issues[{i}] ({x.Issue})", process, directory, report, correlation, ct,
            (held, x) => held.Issue(x.Issue!) is not null,
            (held, x) => new TableIssue.Command(process, held.Version, new TableIssue.Request(x.Issue, x.Title, x.Description, x.Theme, x.ParentIssue)));
        await SendMissingAsync(
            file.Divergences, "process divergences", (d, i) => $"divergences[{i}]", process, directory, report, correlation, ct,
            (held, d) => held.Divergences.Any(x => x.Text == d.Text!.Trim()),
            (held, d) => new NoteProcessDivergence.Command(process, held.Version, new NoteProcessDivergence.Request(d.Text, d.Issues, d.NotedOn)));

        Progress(report, "processes", "phases", "planned phases", "phase ends", "leadership notes", "issues", "process divergences");
    }

    /// <summary>
    /// Sends each of <paramref name="items"/> (a list of the process file) unless the process already holds it, reading the
    /// process afresh before each: every write moves the version the next command must name.
    /// </summary>
    private async Task SendMissingAsync<TSeed>(
        IReadOnlyList<TSeed>? items,
        string kind,
        Func<TSeed, int, string> item,
        string process,
        string directory,
        SeedReport report,
        string correlation,
        CancellationToken ct,
        Func<ProcessDetails, TSeed, bool> held,
        Func<ProcessDetails, TSeed, ICommand<StreamWritten>> command)
    {
        foreach (var (x, i) in (items ?? []).Select((x, i) => (x, i)))
        {
            var details = (await LoadAsync<ProcessDetails>(process, ct))!;
            if (held(details, x))
            {
                report.Present(kind);
                continue;
            }

            await SendAsync(Where(directory, SeedSet.ProcessFile, item(x, i)), correlation, command(details, x), ct);
            report.Added(kind);
        }
    }

    private async Task LoadMeetingAsync(string at, MeetingSeed m, SeedReport report, string correlation, CancellationToken ct)
    {
        var key = Meeting.KeyOf(m.Process!, m.Meeting!);
        var details = await LoadAsync<MeetingDetails>(key, ct);
        if (details is null)
        {
            await SendAsync(at, correlation, new ScheduleMeeting.Command(m.Process!, new ScheduleMeeting.Request(m.Meeting, m.Kind, m.Title, m.Venue, m.StartsOn, m.EndsOn, m.Chairs)), ct);
            report.Added("meetings");
            details = await LoadAsync<MeetingDetails>(key, ct);
        }
        else
        {
            report.Present("meetings");
        }

        var version = details!.Version;
        if (details.Status == MeetingStatus.Scheduled)
        {
            version = (await SendAsync(at, correlation, new OpenMeeting.Command(key, version), ct)).Version;
            report.Added("meeting steps");
        }

        // A host named since (through the API) is a later fact the seeds do not undo.
        if (m.Host is { } host && details.Host is null)
        {
            version = (await SendAsync($"{at}.host", correlation, new NameMeetingHost.Command(key, version, new NameMeetingHost.Request(host.Stakeholder, null)), ct)).Version;
            report.Added("meeting steps");
        }
        else if (m.Host is not null)
        {
            report.Present("meeting steps");
        }

        foreach (var (p, i) in (m.Participants ?? []).Select((x, i) => (x, i)))
        {
            if (details.Participants.Any(x => x.Stakeholder == p.Stakeholder))
            {
                report.Present("participants");
                continue;
            }

            version = (await SendAsync($"{at}.participants[{i}] ({p.Stakeholder})", correlation, new RegisterParticipant.Command(key, version, new RegisterParticipant.Request(p.Stakeholder, p.DelegationHead, p.Role)), ct)).Version;
            report.Added("participants");
        }

        foreach (var (s, i) in (m.Statements ?? []).Select((x, i) => (x, i)))
        {
            if (details.Statements.Any(x => x.Speaker == s.Speaker && x.Summary == s.Summary!.Trim()))
            {
                report.Present("statements");
                continue;
            }

            version = (await SendAsync(
                $"{at}.statements[{i}]",
                correlation,
                new RecordStatement.Command(key, version, new RecordStatement.Request(s.Speaker, s.OnBehalfOf, s.Issues, s.Summary, s.Language, s.DocumentReference, s.SaidOn)),
                ct)).Version;
            report.Added("statements");
        }

        foreach (var (f, i) in (m.Findings ?? []).Select((x, i) => (x, i)))
        {
            if (details.Findings.Any(x => x.Summary == f.Summary!.Trim() && x.PresentedBy == f.PresentedBy && x.Whose == f.Whose?.Trim()))
            {
                report.Present("findings");
                continue;
            }

            version = (await SendAsync(
                $"{at}.findings[{i}]",
                correlation,
                new RecordFinding.Command(key, version, new RecordFinding.Request(f.Kind, f.Summary, f.Value, f.Unit, f.FigureSource, f.PresentedBy, f.Whose)),
                ct)).Version;
            report.Added("findings");
        }

        foreach (var (r, i) in (m.Recommendations ?? []).Select((x, i) => (x, i)))
        {
            if (details.Recommendations.Any(x => x.Text == r.Text!.Trim()))
            {
                report.Present("recommendations");
                continue;
            }

            version = (await SendAsync($"{at}.recommendations[{i}]", correlation, new RecordRecommendation.Command(key, version, new RecordRecommendation.Request(r.Text, r.From)), ct)).Version;
            report.Added("recommendations");
        }

        if (m.Close is { } close && details.Status != MeetingStatus.Closed)
        {
            await SendAsync($"{at}.close", correlation, new CloseMeeting.Command(key, version, new CloseMeeting.Request(close.Summary)), ct);
            report.Added("meeting steps");
        }
    }

    private async Task LoadAreasAsync(string directory, AreasSeedFile file, SeedReport report, string correlation, CancellationToken ct)
    {
        foreach (var (a, i) in (file.Areas ?? []).Select((x, i) => (x, i)))
        {
            if (await LoadAsync<AreaDetails>(Area.KeyOf(file.Process!, a.Area!), ct) is not null)
            {
                report.Present("areas");
                continue;
            }

            await SendAsync(
                Where(directory, SeedSet.AreasFile, $"areas[{i}] ({a.Area})"),
                correlation,
                new IdentifyArea.Command(file.Process!, new IdentifyArea.Request(a.Area, a.Title, a.Description, a.Issues, file.Meeting, file.IdentifiedOn)),
                ct);
            report.Added("areas");
        }

        foreach (var (d, i) in (file.Divergences ?? []).Select((x, i) => (x, i)))
        {
            var at = Where(directory, SeedSet.AreasFile, $"divergences[{i}] ({d.Area})");
            var key = Area.KeyOf(file.Process!, d.Area!);
            var area = await LoadAsync<AreaDetails>(key, ct) ?? throw new SeedFileException(Path.Combine(directory, SeedSet.AreasFile), $"divergences[{i}] ({d.Area})", $"Area '{d.Area}' is neither in the file's areas nor in the store.");
            if (area.Divergences.Any(x => x.Text == d.Text!.Trim()))
            {
                report.Present("divergences");
                continue;
            }

            await SendAsync(at, correlation, new NoteDivergence.Command(key, area.Version, new NoteDivergence.Request(d.Text, d.Issues, d.Stakeholders, d.NotedOn)), ct);
            report.Added("divergences");
        }
    }

    private async Task<T?> LoadAsync<T>(string id, CancellationToken ct)
        where T : class
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<T>(id, ct);
    }

    /// <summary>Sends one command in a scope of its own, as the seeding user; a refusal names the seed file and item.</summary>
    private async Task<StreamWritten> SendAsync(string at, string correlation, ICommand<StreamWritten> command, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
        context.UserName = SeedUser;
        context.DisplayName = SeedDisplayName;
        context.Role = scope.ServiceProvider.GetRequiredService<CommandAccess>().RoleFor(command.GetType());
        context.CorrelationId = correlation;
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var split = at.IndexOf(" item ", StringComparison.Ordinal);
            throw new SeedFileException(at[..split], at[(split + 6)..], $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static string Where(string directory, string file, string item) => $"{Path.Combine(directory, file)} item {item}";

    private void Progress(SeedReport report, params string[] kinds)
    {
        foreach (var kind in kinds.Where(report.Has))
        {
            logger.LogInformation("Seeds: {Kind}: {Line}", kind, report.Describe(kind));
        }
    }
}

/// <summary>What a load did, per kind of fact: added (commands sent) and already present (skipped).</summary>
public sealed class SeedReport
{
    private readonly Dictionary<string, (int Added, int Present)> _counts = [];

    public IReadOnlyDictionary<string, (int Added, int Present)> Counts => _counts;

    public int TotalAdded => _counts.Values.Sum(c => c.Added);

    public int TotalPresent => _counts.Values.Sum(c => c.Present);

    public void Added(string kind) => _counts[kind] = _counts.GetValueOrDefault(kind) with { Added = _counts.GetValueOrDefault(kind).Added + 1 };

    public void Present(string kind) => _counts[kind] = _counts.GetValueOrDefault(kind) with { Present = _counts.GetValueOrDefault(kind).Present + 1 };

    public void Count(string kind) => Present(kind);

    public bool Has(string kind) => _counts.ContainsKey(kind);

    public string Describe(string kind) => _counts.TryGetValue(kind, out var c) ? $"{c.Added} added, {c.Present} already present" : "none";

    public IEnumerable<string> Lines() => _counts.Select(c => $"{c.Key,-45} {c.Value.Added,5} added {c.Value.Present,5} already present");
}
