namespace Consultation.Infrastructure.Security;

/// <summary>
/// Who may call an endpoint: a named set of roles, always within the user's processes. Modules put each endpoint in a
/// group for one of these (<see cref="AccessEndpoints"/>); the role × endpoint matrix test holds the whole table.
/// </summary>
public sealed record Access(string Policy, IReadOnlyList<string> Roles)
{
    /// <summary>Reading the record: every role.</summary>
    public static readonly Access Read = new("read", Security.Roles.All);

    /// <summary>Keeping the record: stakeholders, meetings, statements, positions.</summary>
    public static readonly Access Record = new("record", [Security.Roles.Secretariat]);

    /// <summary>Areas of convergence.</summary>
    public static readonly Access Facilitate = new("facilitate", [Security.Roles.Facilitator]);

    /// <summary>How convergence is measured across groups (groupings and the basis): facilitators, and administrators who set up processes.</summary>
    public static readonly Access Steer = new("steer", [Security.Roles.Facilitator, Security.Roles.Administrator]);

    /// <summary>History, exports, replay, verification: auditors, and administrators who run the system.</summary>
    public static readonly Access Audit = new("audit", [Security.Roles.Auditor, Security.Roles.Administrator]);

    /// <summary>Process setup, thresholds, projection maintenance.</summary>
    public static readonly Access Administer = new("administer", [Security.Roles.Administrator]);

    public static readonly IReadOnlyList<Access> All = [Read, Record, Facilitate, Steer, Audit, Administer];

    /// <summary>The role a user acted in: the first of the endpoint's roles the user holds.</summary>
    public string? RoleUsedBy(IReadOnlyList<string> userRoles) => Roles.FirstOrDefault(userRoles.Contains);
}
