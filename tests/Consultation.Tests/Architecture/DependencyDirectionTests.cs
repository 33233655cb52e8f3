using Xunit.Abstractions;

namespace Consultation.Tests.Architecture;

/// <summary>
/// Dependencies run one way: the shared folders (<c>Infrastructure/</c>, <c>Domain/</c>, <c>Time/</c>) name no module,
/// and the modules (every other top-level folder of the service) refer to each other without a cycle beyond the one listed. The composition root
/// (<c>Program.cs</c>, <c>Modules.cs</c>) names them all and is no part of the graph. Read from the built assembly
/// (<see cref="ServiceDependencies"/>); no database.
/// </summary>
public sealed class DependencyDirectionTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyDictionary<(string From, string To), string> Edges = ServiceDependencies.Read();

    [Fact]
    public void The_shared_folders_name_no_module()
    {
        var wrong = Edges
            .Where(e => ServiceDependencies.Shared.Contains(e.Key.From) && !ServiceDependencies.Shared.Contains(e.Key.To))
            .Select(e => $"{e.Key.From} → {e.Key.To}: {e.Value}")
            .ToList();
        Assert.True(wrong.Count == 0, "Shared code refers to a module; give the module a seam instead (Modules.cs hands it in):\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Nothing_refers_to_the_composition_root()
    {
        var wrong = Edges.Where(e => e.Key.To == ServiceDependencies.CompositionRoot).Select(e => $"{e.Key.From}: {e.Value}").ToList();
        Assert.True(wrong.Count == 0, "Only Program.cs may use Modules.cs; these refer to it:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Domain_depends_on_nothing_else_in_the_service()
    {
        var wrong = Edges.Where(e => e.Key.From == "Domain").Select(e => $"{e.Key.To}: {e.Value}").ToList();
        Assert.True(wrong.Count == 0, "Domain/ refers to:\n" + string.Join('\n', wrong));
    }

    /// <summary>
    /// The one cycle there is, and every edge of it: the five modules of the record read each other's documents, a rule
    /// needing facts from other streams (an accreditation the process, a statement the speaker, a position the process, the
    /// stakeholder and the meeting or submission, a submission the process and its sender) and a read showing what others recorded (a process overview its meetings and positions,
    /// a profile the meetings attended, a meeting the positions stated at it). Any other cycle, a module joining this one or
    /// a new edge between these four fails.
    /// </summary>
    private static readonly IReadOnlySet<(string From, string To)> AllowedCycleEdges = new HashSet<(string, string)>
    {
        ("Stakeholders", "Processes"), // accreditation: the process must exist and be active
        ("Stakeholders", "Meetings"), // a stakeholder's profile: the meetings attended
        ("Processes", "Stakeholders"), // co-facilitators and leadership notes name stakeholders
        ("Processes", "Meetings"), // the process overview lists its meetings; conclusion needs them closed
        ("Processes", "Positions"), // the process overview counts its positions
        ("Meetings", "Processes"), // a meeting lies within its process's dates and issues
        ("Meetings", "Stakeholders"), // participants and speakers are registered stakeholders
        ("Meetings", "Positions"), // a meeting's page: the positions stated at it
        ("Positions", "Processes"), // a position is on an open issue of an active process
        ("Positions", "Stakeholders"), // by an entitled stakeholder, on behalf of its groups
        ("Positions", "Meetings"), // at a meeting, citing its statements
        ("Positions", "Submissions"), // or in a written submission, by its sender, on its issues
        ("Submissions", "Processes"), // a submission is received within its process, on its issues
        ("Submissions", "Stakeholders"), // from a registered stakeholder, on behalf of its groups
    };

    private static IReadOnlySet<string> Tangle => AllowedCycleEdges.SelectMany(e => new[] { e.From, e.To }).ToHashSet();

    [Fact]
    public void The_modules_refer_to_each_other_in_no_cycle_but_the_one_listed()
    {
        var moduleEdges = Edges.Keys
            .Where(e => !ServiceDependencies.Shared.Contains(e.From) && !ServiceDependencies.Shared.Contains(e.To) && e.To != ServiceDependencies.CompositionRoot)
            .ToList();
        foreach (var edge in moduleEdges.Order())
        {
            output.WriteLine($"{edge.From} → {edge.To}  ({Edges[edge]})");
        }

        Assert.NotEmpty(moduleEdges);
        var newInTangle = moduleEdges.Where(e => Tangle.Contains(e.From) && Tangle.Contains(e.To) && !AllowedCycleEdges.Contains(e)).ToList();
        Assert.True(newInTangle.Count == 0, "A new dependency between modules that already depend on each other:\n"
            + string.Join('\n', newInTangle.Select(e => $"{e.From} → {e.To}: {Edges[e]}")));
        var cycles = ServiceDependencies.Cycles(moduleEdges).Where(c => !c.All(Tangle.Contains)).ToList();
        Assert.True(cycles.Count == 0, "Modules depending on each other in a cycle:\n" + string.Join('\n', cycles.Select(c =>
            string.Join(", ", c) + ":\n  " + string.Join("\n  ", moduleEdges.Where(e => c.Contains(e.From) && c.Contains(e.To)).Select(e => $"{e.From} → {e.To}: {Edges[e]}")))));
    }

    [Fact]
    public void A_cycle_is_found()
    {
        var cycles = ServiceDependencies.Cycles([("Audit", "Positions"), ("Positions", "Processes"), ("Processes", "Audit"), ("Dashboard", "Audit")]);
        Assert.Equal(["Audit", "Positions", "Processes"], Assert.Single(cycles));
        Assert.Empty(ServiceDependencies.Cycles([("Dashboard", "Audit"), ("Audit", "Positions"), ("Dashboard", "Positions")]));
    }

    [Fact]
    public void The_reader_sees_references_inside_method_bodies()
    {
        // Seeding sends the modules' commands from inside its methods; Time reads the event store's ETags in a method body.
        Assert.Contains(("Seeding", "Stakeholders"), Edges.Keys);
        Assert.Contains(("Time", "Infrastructure"), Edges.Keys);
    }
}
