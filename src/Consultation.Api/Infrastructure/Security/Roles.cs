namespace Consultation.Infrastructure.Security;

/// <summary>The roles a token can carry; a user may hold several.</summary>
public static class Roles
{
    /// <summary>Keeps the record: stakeholders, meetings and what was said in them, positions.</summary>
    public const string Secretariat = "secretariat";

    /// <summary>Identifies and maintains areas of convergence; reads everything in their processes.</summary>
    public const string Facilitator = "facilitator";

    /// <summary>Reads everything, including the history, exports and verification; writes nothing of the record.</summary>
    public const string Auditor = "auditor";

    /// <summary>Sets processes up (phases, issues, co-facilitators, thresholds) and maintains projections.</summary>
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All = [Secretariat, Facilitator, Auditor, Administrator];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
