using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consultation.Convergence.Measuring.Grouping;

/// <summary>What a grouping basis groups by.</summary>
public enum GroupingKind
{
    /// <summary>States by UN regional group; everyone else (and a State that declares none) by stakeholder kind.</summary>
    RegionalGroups,

    /// <summary>Everyone by stakeholder kind.</summary>
    Kinds,

    /// <summary>Declared blocs: each stakeholder in the first listed bloc it is a member of on the date measured.</summary>
    Blocs,

    /// <summary>A facilitator's own groups, with dated members.</summary>
    Custom,
}

/// <summary>What becomes of a stakeholder the grouping puts in no group (blocs and custom groupings only).</summary>
public enum UngroupedRule
{
    /// <summary>Their positions are not measured (counted in <see cref="IssueMeasure.UngroupedPositions"/>).</summary>
    LeftOut,

    /// <summary>They form one more group, "Ungrouped".</summary>
    OwnGroup,
}

/// <summary>A member of a custom group from <see cref="From"/> (inclusive; always when null) until <see cref="Until"/> (exclusive; still when null).</summary>
public sealed record CustomMember(string Stakeholder, DateOnly? From = null, DateOnly? Until = null)
{
    public bool Covers(DateOnly on) => (From is null || From <= on) && (Until is null || Until > on);
}

/// <summary>One group of a custom grouping.</summary>
public sealed record CustomGroup(string Name, IReadOnlyList<CustomMember> Members);

/// <summary>
/// The declared groups a process's convergence is measured across: one of the two built-in bases
/// (<see cref="RegionalGroups"/>, the default, and <see cref="Kinds"/>) or a grouping the process defined by name — declared
/// blocs (<see cref="Blocs"/>, in order of precedence) or custom groups (<see cref="Groups"/>) — with what becomes of the
/// stakeholders it leaves ungrouped.
/// </summary>
public sealed record GroupingBasis(
    string Name,
    GroupingKind Kind,
    IReadOnlyList<string>? Blocs = null,
    IReadOnlyList<CustomGroup>? Groups = null,
    UngroupedRule Ungrouped = UngroupedRule.LeftOut)
{
    public const string RegionalGroupsName = "regional-groups";

    public const string KindsName = "kinds";

    public static readonly GroupingBasis RegionalGroups = new(RegionalGroupsName, GroupingKind.RegionalGroups);

    public static readonly GroupingBasis Kinds = new(KindsName, GroupingKind.Kinds);

    public static readonly IReadOnlyList<GroupingBasis> BuiltIn = [RegionalGroups, Kinds];

    /// <summary>The blocs whose members a measure must read to group (none for the other kinds).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> BlocsToRead => Kind == GroupingKind.Blocs ? Blocs ?? [] : [];

    /// <summary>The whole definition as text: equal for equal definitions (records compare lists by reference).</summary>
    [JsonIgnore]
    public string Fingerprint => JsonSerializer.Serialize(this, FingerprintOptions);

    private static readonly JsonSerializerOptions FingerprintOptions = new() { Converters = { new JsonStringEnumConverter() } };
}
