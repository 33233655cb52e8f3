using System.Text.Json;

namespace Consultation.Seeding;

/// <summary>The seed files of <c>seeds/</c> (documented in seeds/README.md), read and checked before anything is sent.</summary>
public sealed record SeedSet(
    IReadOnlyList<StakeholderSeed> Stakeholders,
    ProcessSeedFile? Process,
    IReadOnlyList<MeetingSeed> Meetings,
    AreasSeedFile? Areas)
{
    public const string StakeholdersFile = "stakeholders.json";
    public const string ProcessFile = "process.json";
    public const string MeetingsFile = "meetings.json";
    public const string AreasFile = "areas.json";

    public static readonly IReadOnlyList<string> FileNames = [StakeholdersFile, ProcessFile, MeetingsFile, AreasFile];

    /// <summary>Reads the files present in <paramref name="directory"/>; a malformed file or item throws <see cref="SeedFileException"/> naming both.</summary>
    public static SeedSet Read(string directory) => new(
        ReadFile<StakeholderSeed[]>(directory, StakeholdersFile) ?? [],
        ReadFile<ProcessSeedFile>(directory, ProcessFile),
        ReadFile<MeetingSeed[]>(directory, MeetingsFile) ?? [],
        ReadFile<AreasSeedFile>(directory, AreasFile));

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static T? ReadFile<T>(string directory, string name)
        where T : class
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            return null;
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            throw new SeedFileException(path, e.Path ?? "(file)", e.Message);
        }

        if (value is null)
        {
            throw new SeedFileException(path, "(file)", "The file is empty (null).");
        }

        foreach (var (item, problem) in SeedChecks.Problems(value))
        {
            throw new SeedFileException(path, item, problem);
        }

        return value;
    }
}

/// <summary>A seed file that cannot be loaded: which file, which item, what is wrong.</summary>
public sealed class SeedFileException(string file, string item, string problem)
    : Exception($"Seed file '{file}', item {item}: {problem}")
{
    public string File { get; } = file;

    public string Item { get; } = item;
}

public sealed record StakeholderSeed(string? Key, string? Kind, string? Name, string? RegionalGroup, string? Source);

public sealed record ProcessSeedFile(
    ProcessSeed? Process,
    IReadOnlyList<PhaseSeed>? Phases,
    IReadOnlyList<LeadershipSeed>? Leadership,
    IReadOnlyList<IssueSeed>? Issues,
    IReadOnlyList<ProcessDivergenceSeed>? Divergences);

/// <summary>Who leads the process as the source says it: a role and the names it gives (none when it names nobody).</summary>
public sealed record LeadershipSeed(string? Role, IReadOnlyList<string?>? Names, DateOnly? NotedOn, string? Source);

/// <summary>A divergence of the process as a whole, acknowledged without naming an area of convergence.</summary>
public sealed record ProcessDivergenceSeed(string? Text, IReadOnlyList<string?>? Issues, DateOnly? NotedOn, string? Source);

public sealed record ProcessSeed(string? Key, string? Title, string? MandateReference, DateOnly? StartsOn, DateOnly? PlannedEndOn, string? Source);

/// <summary>A phase with no <see cref="StartedOn"/> but an <see cref="AnnouncedOn"/> is planned (announced, not started).</summary>
public sealed record PhaseSeed(string? Phase, string? Title, DateOnly? StartedOn, DateOnly? EndedOn, int? ExpectedYear, DateOnly? AnnouncedOn, string? Source);

public sealed record IssueSeed(string? Issue, string? Title, string? Description, string? Theme, string? ParentIssue, string? Source);

public sealed record MeetingSeed(
    string? Meeting,
    string? Process,
    string? Kind,
    string? Title,
    Meetings.VenueRequest? Venue,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<string?>? Chairs,
    string? Source,
    HostSeed? Host,
    IReadOnlyList<ParticipantSeed>? Participants,
    IReadOnlyList<StatementSeed>? Statements,
    IReadOnlyList<FindingSeed>? Findings,
    IReadOnlyList<RecommendationSeed>? Recommendations,
    CloseSeed? Close);

public sealed record HostSeed(string? Stakeholder, string? Source);

public sealed record ParticipantSeed(string? Stakeholder, string? DelegationHead, string? Role, string? Category, string? Source);

public sealed record StatementSeed(string? Speaker, string? OnBehalfOf, IReadOnlyList<string?>? Issues, string? Summary, string? Language, string? DocumentReference, DateOnly? SaidOn, string? Source);

/// <summary><see cref="FigureSource"/> is the figure's (or a fact's) own citation (stored with it); <see cref="Source"/> is the seed's provenance.</summary>
public sealed record FindingSeed(string? Kind, string? Summary, decimal? Value, string? Unit, string? FigureSource, string? PresentedBy, string? Whose, string? Source);

public sealed record RecommendationSeed(string? Text, string? From, string? Source);

public sealed record CloseSeed(string? Summary, string? Source);

public sealed record AreasSeedFile(
    string? Process,
    string? Meeting,
    DateOnly? IdentifiedOn,
    string? IdentifiedBy,
    IReadOnlyList<AreaSeed>? Areas,
    IReadOnlyList<DivergenceSeed>? Divergences);

public sealed record AreaSeed(string? Area, string? Title, string? Description, IReadOnlyList<string?>? Issues, string? Source);

public sealed record DivergenceSeed(string? Area, string? Text, IReadOnlyList<string?>? Issues, IReadOnlyList<string?>? Stakeholders, DateOnly? NotedOn, string? Source);
