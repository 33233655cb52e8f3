namespace Consultation.Tests.Security;

/// <summary>
/// Who may call each endpoint: the function-level authorization table (OWASP API5), written out here independently of
/// the service's own policy definitions. A new endpoint fails <see cref="RoleMatrixTests"/> until it is added.
/// The dashboard pages (<c>/ui/…</c>) are Razor components, mapped for GET and POST (a POST without a form token gets 400).
/// </summary>
public static class AccessMatrix
{
    public const string Secretariat = "secretariat";
    public const string Facilitator = "facilitator";
    public const string Auditor = "auditor";
    public const string Administrator = "administrator";

    public static readonly string[] Roles = [Secretariat, Facilitator, Auditor, Administrator];

    /// <summary>No token needed.</summary>
    public static readonly string[]? Anyone = null;

    public static readonly string[] Readers = Roles;
    public static readonly string[] SecretariatOnly = [Secretariat];
    public static readonly string[] Facilitators = [Facilitator];
    public static readonly string[] Steerers = [Facilitator, Administrator];
    public static readonly string[] Auditors = [Auditor, Administrator];
    public static readonly string[] Administrators = [Administrator];

    /// <summary>"METHOD /route/pattern" → the roles allowed (null: anonymous allowed).</summary>
    public static readonly IReadOnlyDictionary<string, string[]?> Endpoints = new Dictionary<string, string[]?>(StringComparer.Ordinal)
    {
        ["GET /"] = Anyone,
        ["GET /_framework/opaque-redirect"] = Readers,
        ["GET /ui"] = Readers,
        ["POST /ui"] = Readers,
        ["GET /ui/dashboard.css"] = Anyone,
        ["GET /ui/processes/{process}"] = Readers,
        ["POST /ui/processes/{process}"] = Readers,
        ["GET /ui/processes/{process}/areas/{area}"] = Readers,
        ["POST /ui/processes/{process}/areas/{area}"] = Readers,
        ["GET /ui/processes/{process}/areas/{area}/history"] = Readers,
        ["POST /ui/processes/{process}/areas/{area}/history"] = Readers,
        ["GET /ui/processes/{process}/issues/{issue}"] = Readers,
        ["POST /ui/processes/{process}/issues/{issue}"] = Readers,
        ["GET /ui/processes/{process}/meetings/{meeting}"] = Readers,
        ["POST /ui/processes/{process}/meetings/{meeting}"] = Readers,
        ["GET /ui/processes/{process}/opinion-groups"] = Readers,
        ["POST /ui/processes/{process}/opinion-groups"] = Readers,
        ["GET /ui/processes/{process}/issues/{issue}/positions/{stakeholder}/history"] = Readers,
        ["POST /ui/processes/{process}/issues/{issue}/positions/{stakeholder}/history"] = Readers,
        ["GET /ui/processes/{process}/stakeholders/{stakeholder}"] = Readers,
        ["POST /ui/processes/{process}/stakeholders/{stakeholder}"] = Readers,
        ["GET /ui/sign-in"] = Anyone,
        ["POST /ui/sign-in"] = Anyone,
        ["GET /ui/sign-in/provider"] = Anyone,
        ["POST /ui/sign-out"] = Readers,
        ["GET /audit/diff"] = Auditors,
        ["GET /audit/events"] = Auditors,
        ["GET /audit/export"] = Auditors,
        ["GET /audit/streams/{**key}"] = Auditors,
        ["GET /audit/verify"] = Auditors,
        ["GET /audit/attestation"] = Auditors,
        ["GET /admin/projections"] = Auditors,
        ["POST /admin/projections/rebuild"] = Administrators,
        ["GET /admin/projections/rebuilds/{id:guid}"] = Administrators,
        ["GET /admin/projections/failures"] = Administrators,
        ["POST /admin/projections/verify"] = Auditors,
        ["GET /admin/write-budgets"] = Auditors,
        ["PUT /admin/write-budgets/{user}"] = Administrators,
        ["POST /admin/write-budgets/{user}/withdraw"] = Administrators,
        ["GET /health/live"] = Anyone,
        ["GET /health/ready"] = Anyone,
        ["GET /openapi/{documentName}.json"] = Anyone,
        ["POST /processes"] = Administrators,
        ["GET /processes"] = Readers,
        ["GET /processes/{key}"] = Readers,
        ["POST /processes/{key}/areas"] = Facilitators,
        ["GET /processes/{key}/areas"] = Readers,
        ["GET /processes/{key}/areas/{area}"] = Readers,
        ["POST /processes/{key}/areas/{area}/affirm"] = Facilitators,
        ["POST /processes/{key}/areas/{area}/confirm"] = Facilitators,
        ["POST /processes/{key}/areas/{area}/dissolve"] = Facilitators,
        ["POST /processes/{key}/areas/{area}/divergences"] = Facilitators,
        ["GET /processes/{key}/areas/{area}/history"] = Readers,
        ["POST /processes/{key}/areas/{area}/issues"] = Facilitators,
        ["POST /processes/{key}/areas/{area}/issues/{issue}/unlink"] = Facilitators,
        ["POST /processes/{key}/co-facilitators"] = Administrators,
        ["POST /processes/{key}/leadership"] = Administrators,
        ["POST /processes/{key}/co-facilitators/{facilitator}/release"] = Administrators,
        ["POST /processes/{key}/conclude"] = Administrators,
        ["POST /processes/{key}/divergences"] = Facilitators,
        ["POST /processes/{key}/phases/planned"] = Administrators,
        ["POST /processes/{key}/issues"] = Administrators,
        ["GET /processes/{key}/issues"] = Readers,
        ["GET /processes/{key}/issues/{issue}"] = Readers,
        ["POST /processes/{key}/issues/{issue}/redescribe"] = Administrators,
        ["POST /processes/{key}/issues/{issue}/retire"] = Administrators,
        ["POST /processes/{key}/issues/{issue}/retitle"] = Administrators,
        ["POST /processes/{key}/meetings"] = SecretariatOnly,
        ["GET /processes/{key}/meetings"] = Readers,
        ["GET /processes/{key}/meetings/{meeting}"] = Readers,
        ["POST /processes/{key}/meetings/{meeting}/cancel"] = SecretariatOnly,
        ["POST /processes/{key}/meetings/{meeting}/close"] = SecretariatOnly,
        ["POST /processes/{key}/meetings/{meeting}/findings"] = SecretariatOnly,
        ["POST /processes/{key}/meetings/{meeting}/open"] = SecretariatOnly,
        ["POST /processes/{key}/meetings/{meeting}/participants"] = SecretariatOnly,
        ["POST /processes/{key}/meetings/{meeting}/recommendations"] = SecretariatOnly,
        ["POST /processes/{key}/meetings/{meeting}/reschedule"] = SecretariatOnly,
        ["POST /processes/{key}/meetings/{meeting}/statements"] = SecretariatOnly,
        ["GET /processes/{key}/meetings/{meeting}/statements/{statement}"] = Readers,
        ["POST /processes/{key}/meetings/{meeting}/statements/{statement}/correct"] = SecretariatOnly,
        ["POST /processes/{key}/meetings/{meeting}/statements/{statement}/withdraw"] = SecretariatOnly,
        ["POST /processes/{key}/meetings/{meeting}/agenda"] = SecretariatOnly,
        ["POST /processes/{key}/meetings/{meeting}/host"] = SecretariatOnly,
        ["GET /processes/{key}/overview"] = Readers,
        ["POST /processes/{key}/phases"] = Administrators,
        ["POST /processes/{key}/phases/{phase}/end"] = Administrators,
        ["GET /processes/{process}/areas/{area}/convergence"] = Readers,
        ["GET /processes/{process}/areas/{area}/convergence/timeline"] = Readers,
        ["GET /processes/{process}/convergence"] = Readers,
        ["GET /processes/{process}/convergence-settings"] = Readers,
        ["PUT /processes/{process}/convergence-settings"] = Administrators,
        ["PUT /processes/{process}/convergence-settings/basis"] = Steerers,
        ["PUT /processes/{process}/convergence-settings/groupings/{grouping}"] = Steerers,
        ["GET /processes/{process}/convergence/timeline"] = Readers,
        ["GET /processes/{process}/issues/{issue}/convergence"] = Readers,
        ["GET /processes/{process}/issues/{issue}/convergence/timeline"] = Readers,
        ["GET /processes/{process}/opinion-groups"] = Readers,
        ["POST /processes/{process}/issues/{issue}/positions"] = SecretariatOnly,
        ["GET /processes/{process}/issues/{issue}/positions"] = Readers,
        ["GET /processes/{process}/issues/{issue}/positions/{stakeholder}"] = Readers,
        ["POST /processes/{process}/issues/{issue}/positions/{stakeholder}/correct"] = SecretariatOnly,
        ["GET /processes/{process}/issues/{issue}/positions/{stakeholder}/effective"] = Readers,
        ["GET /processes/{process}/issues/{issue}/positions/{stakeholder}/history"] = Readers,
        ["POST /processes/{process}/issues/{issue}/positions/{stakeholder}/revise"] = SecretariatOnly,
        ["POST /processes/{process}/issues/{issue}/positions/{stakeholder}/withdraw"] = SecretariatOnly,
        ["POST /processes/{process}/positions/batch"] = SecretariatOnly,
        ["GET /processes/{process}/shifts"] = Readers,
        ["GET /processes/{process}/stakeholders/{stakeholder}/positions"] = Readers,
        ["GET /scalar/favicon.svg"] = Anyone,
        ["GET /scalar/scalar.aspnetcore.js"] = Anyone,
        ["GET /scalar/scalar.js"] = Anyone,
        ["GET /scalar/{documentName?}"] = Anyone,
        ["POST /stakeholders"] = SecretariatOnly,
        ["GET /stakeholders"] = Readers,
        ["GET /stakeholders/statistics"] = Readers,
        ["GET /stakeholders/{group}/members"] = Readers,
        ["GET /stakeholders/{key}"] = Readers,
        ["POST /stakeholders/{key}/accreditations"] = SecretariatOnly,
        ["POST /stakeholders/{key}/accreditations/{process}/end"] = SecretariatOnly,
        ["POST /stakeholders/{key}/groups"] = SecretariatOnly,
        ["POST /stakeholders/{key}/groups/{group}/leave"] = SecretariatOnly,
        ["GET /stakeholders/{key}/meetings"] = Readers,
        ["GET /stakeholders/{key}/profile"] = Readers,
        ["POST /stakeholders/{key}/rename"] = SecretariatOnly,
        ["GET /stakeholders/{key}/statements"] = Readers,
    };
}
