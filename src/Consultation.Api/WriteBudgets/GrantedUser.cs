using System.Text.RegularExpressions;
using Consultation.Infrastructure.Security;

namespace Consultation.WriteBudgets;

/// <summary>
/// Whom a budget is granted to: a user id as tokens carry it (<c>sub</c>), written with the characters providers' user ids
/// are made of (a UUID, <c>auth0|5f…</c>, <c>alice@example.org</c>); never one of the service's own identities. Spaces,
/// slashes, percent signs and other text that would not name a token's user are refused, so no grant names nobody.
/// </summary>
public static partial class GrantedUser
{
    public static readonly string Rule =
        $"'{{PropertyName}}' must be a user id as tokens carry it ('sub'): letters, digits and . _ - @ | : + only, at most {TokenUser.MaxUserIdLength} characters, "
        + "not one of the service's own identities.";

    public static bool IsUserId(string? value) => TokenUser.Problem(value) is null && UserIdPattern().IsMatch(value!);

    public static IRuleBuilderOptions<T, string> UserId<T>(this IRuleBuilder<T, string> rule) => rule.Must(IsUserId).WithMessage(Rule);

    [GeneratedRegex("^[A-Za-z0-9._@|:+-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();
}
