using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Synthetic;

public sealed class GenerateInput : NetCoreInput
{
    [Description("Seed number: the same seed gives the same consultation (default 42)")]
    [FlagAlias("seed", 's')]
    public int SeedFlag { get; set; } = 42;

    [Description("Scale preset: tiny (~2k events), small (~12k), test (~100k), medium (~300k), large (~1M); flags below override it (default small)")]
    [FlagAlias("scale", 'z')]
    public string ScaleFlag { get; set; } = "small";

    [Description("Number of stakeholders (20-5000)")]
    [FlagAlias("stakeholders", 'k')]
    public int? StakeholdersFlag { get; set; }

    [Description("Number of issues (5-5000)")]
    [FlagAlias("issues")]
    public int? IssuesFlag { get; set; }

    [Description("Number of meetings (3-500; the last one stays scheduled)")]
    [FlagAlias("meetings")]
    public int? MeetingsFlag { get; set; }

    [Description("Process key (default synth-{seed})")]
    [FlagAlias("process", 'p')]
    public string? ProcessFlag { get; set; }

    [Description("Plant this many opinion groups (2-5) across the declared groups: their members lean the same way issue after issue (default 0: none)")]
    [FlagAlias("opinion-groups")]
    public int OpinionGroupsFlag { get; set; }

    [Description("Write by bulk COPY and rebuild the inline projections afterwards, instead of sessions with inline projections")]
    [FlagAlias("bulk")]
    public bool BulkFlag { get; set; }
}

/// <summary>
/// <c>dotnet run --project src/Consultation.Synthetic -- generate --seed 42 --scale test</c> (or <c>--stakeholders 200 --issues 40 --meetings 12 --process synth-42</c>):
/// builds a fictional consultation and writes it straight to the event store — a load and demo tool, not a record of real
/// decisions (see <see cref="SyntheticWriter"/>).
/// </summary>
[Description("Generate a fictional consultation at a chosen scale (deterministic for a seed); a load/demo tool that bypasses the command pipeline", Name = "generate")]
public sealed class GenerateCommand : JasperFxAsyncCommand<GenerateInput>
{
    public override async Task<bool> Execute(GenerateInput input)
    {
        SyntheticOptions options;
        try
        {
            var preset = SyntheticOptions.Preset(input.ScaleFlag, input.SeedFlag);
            options = preset with
            {
                Stakeholders = input.StakeholdersFlag ?? preset.Stakeholders,
                Issues = input.IssuesFlag ?? preset.Issues,
                Meetings = input.MeetingsFlag ?? preset.Meetings,
                Process = input.ProcessFlag,
                OpinionGroups = input.OpinionGroupsFlag,
            };
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }

        if (options.Problems() is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            return false;
        }

        Console.WriteLine($"Building '{options.ProcessKey}': seed {options.Seed}, {options.Stakeholders} stakeholders, {options.Issues} issues, {options.Meetings} meetings");
        var scenario = ScenarioBuilder.Build(options);
        Console.WriteLine($"  {scenario.EventCount:N0} events in {scenario.Registry.Count + scenario.Streams.Count:N0} streams; issues by level: "
            + string.Join(", ", scenario.Issues.GroupBy(i => i.Expected.Level).OrderByDescending(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));

        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        try
        {
            var done = await new SyntheticWriter(store).WriteAsync(
                scenario, input.BulkFlag ? SyntheticWriteMode.Bulk : SyntheticWriteMode.Sessions, p => Console.WriteLine("  " + p));
            Console.WriteLine($"Finished — {done}. Try GET /processes/{scenario.Process}/convergence");
            return true;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
    }
}
