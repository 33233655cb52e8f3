using System.Security.Claims;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// The claims a token carries, by their JWT names (inbound claim mapping is off, so they keep them):
/// <c>sub</c> the user id, <c>name</c> the display name, <c>role</c> one per role, <c>process</c> one per
/// process the user works on, or <c>*</c> for all of them.
/// </summary>
public static class ConsultationClaims
{
    public const string UserId = "sub";
    public const string DisplayName = "name";
    public const string Role = "role";
    public const string Process = "process";
    public const string AllProcesses = "*";

    public static string? UserIdOf(this ClaimsPrincipal user) => user.FindFirst(UserId)?.Value;

    public static string? DisplayNameOf(this ClaimsPrincipal user) => user.FindFirst(DisplayName)?.Value;

    public static IReadOnlyList<string> RolesOf(this ClaimsPrincipal user) =>
        user.FindAll(Role).Select(c => c.Value).Where(Roles.IsKnown).Distinct(StringComparer.Ordinal).ToList();

    public static ProcessScope ProcessScopeOf(this ClaimsPrincipal user)
    {
        var processes = user.FindAll(Process).Select(c => c.Value).ToList();
        return processes.Contains(AllProcesses, StringComparer.Ordinal)
            ? ProcessScope.Everything
            : new ProcessScope(processes.ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>The processes a user may see and act on: every one, or a listed few.</summary>
public sealed record ProcessScope(IReadOnlySet<string>? Processes)
{
    public static readonly ProcessScope Everything = new((IReadOnlySet<string>?)null);

    public static readonly ProcessScope Nothing = new(new HashSet<string>(StringComparer.Ordinal));

    public bool IsEverything => Processes is null;

    /// <summary>The listed processes, for a query filter (<c>x.Process.IsOneOf(scope.Keys)</c>); empty for everything.</summary>
    public string[] Keys => Processes?.ToArray() ?? [];

    public bool Includes(string process) => Processes is null || Processes.Contains(process);

    public override string ToString() => Processes is null ? AllText : string.Join(", ", Processes.Order(StringComparer.Ordinal));

    private const string AllText = "all processes";
}
