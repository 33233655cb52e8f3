namespace Consultation.Seeding;

/// <summary>
/// Structural checks of a seed file: every fact names its <c>source</c> and the key it is found by.
/// The commands' own validators check the rest when the facts are sent.
/// </summary>
internal static class SeedChecks
{
    public static IEnumerable<(string Item, string Problem)> Problems(object file) => file switch
    {
        StakeholderSeed[] stakeholders => stakeholders.SelectMany((s, i) => Facts($"[{i}] ({s.Key})", s.Source, ("key", s.Key), ("kind", s.Kind), ("name", s.Name))),
        ProcessSeedFile process => ProcessProblems(process),
        MeetingSeed[] meetings => meetings.SelectMany(MeetingProblems),
        AreasSeedFile areas => AreaProblems(areas),
        _ => [],
    };

    private static IEnumerable<(string, string)> ProcessProblems(ProcessSeedFile file)
    {
        if (file.Process is not { } p)
        {
            yield return ("process", "'process' is required.");
            yield break;
        }

        foreach (var problem in Facts("process", p.Source, ("key", p.Key), ("title", p.Title), ("mandateReference", p.MandateReference)))
        {
            yield return problem;
        }

        foreach (var problem in (file.Phases ?? []).SelectMany((ph, i) => Facts($"phases[{i}] ({ph.Phase})", ph.Source, ("phase", ph.Phase), ("title", ph.Title))))
        {
            yield return problem;
        }

        foreach (var problem in (file.Leadership ?? []).SelectMany((l, i) => Facts($"leadership[{i}]", l.Source, ("role", l.Role))))
        {
            yield return problem;
        }

        foreach (var problem in (file.Divergences ?? []).SelectMany((d, i) => Facts($"divergences[{i}]", d.Source, ("text", d.Text))))
        {
            yield return problem;
        }

        foreach (var problem in (file.Issues ?? []).SelectMany((x, i) => Facts($"issues[{i}] ({x.Issue})", x.Source, ("issue", x.Issue), ("title", x.Title))))
        {
            yield return problem;
        }
    }

    private static IEnumerable<(string, string)> MeetingProblems(MeetingSeed m, int index)
    {
        var at = $"[{index}] ({m.Meeting})";
        var problems = Facts(at, m.Source, ("meeting", m.Meeting), ("process", m.Process))
            .Concat(m.Host is null ? [] : Facts($"{at}.host", m.Host.Source, ("stakeholder", m.Host.Stakeholder)))
            .Concat((m.Participants ?? []).SelectMany((p, i) => Facts($"{at}.participants[{i}] ({p.Stakeholder})", p.Source, ("stakeholder", p.Stakeholder), ("role", p.Role))))
            .Concat((m.Statements ?? []).SelectMany((s, i) => Facts($"{at}.statements[{i}]", s.Source, ("speaker", s.Speaker), ("summary", s.Summary))))
            .Concat((m.Findings ?? []).SelectMany((f, i) => Facts($"{at}.findings[{i}]", f.Source, ("kind", f.Kind), ("summary", f.Summary))))
            .Concat((m.Recommendations ?? []).SelectMany((r, i) => Facts($"{at}.recommendations[{i}]", r.Source, ("text", r.Text), ("from", r.From))))
            .Concat(m.Close is null ? [] : Facts($"{at}.close", m.Close.Source, ("summary", m.Close.Summary)));
        return problems;
    }

    private static IEnumerable<(string, string)> AreaProblems(AreasSeedFile file) =>
        Facts("(file)", "n/a", ("process", file.Process), ("meeting", file.Meeting))
            .Concat(file.IdentifiedOn is null ? [("(file)", "'identifiedOn' is required.")] : [])
            .Concat((file.Areas ?? []).SelectMany((a, i) => Facts($"areas[{i}] ({a.Area})", a.Source, ("area", a.Area), ("title", a.Title))))
            .Concat((file.Divergences ?? []).SelectMany((d, i) => Facts($"divergences[{i}] ({d.Area})", d.Source, ("area", d.Area), ("text", d.Text))));

    private static IEnumerable<(string, string)> Facts(string item, string? source, params (string Name, string? Value)[] required)
    {
        foreach (var (name, value) in required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return (item, $"'{name}' is required.");
            }
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            yield return (item, "'source' is required: every fact cites the statement's paragraph (¶N) or a public document.");
        }
    }
}
