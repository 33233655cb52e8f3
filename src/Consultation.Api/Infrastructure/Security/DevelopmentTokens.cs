using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consultation.Infrastructure.Security;

/// <summary>Issues and describes tokens signed with the development key (local use and tests).</summary>
public static class DevelopmentTokens
{
    public static SymmetricSecurityKey SigningKey(string developmentKey) => new(Encoding.UTF8.GetBytes(developmentKey));

    public static string Issue(
        AuthenticationSettings settings,
        string userId,
        string? displayName,
        IEnumerable<string> roles,
        IEnumerable<string> processes,
        DateTimeOffset now,
        TimeSpan lifetime)
    {
        var claims = new List<Claim> { new(ConsultationClaims.UserId, userId), new(ConsultationClaims.DisplayName, displayName ?? userId) };
        claims.AddRange(roles.Select(r => new Claim(ConsultationClaims.Role, r)));
        claims.AddRange(processes.Select(p => new Claim(ConsultationClaims.Process, p)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = AuthenticationSettings.DevelopmentIssuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(settings.DevelopmentKey!), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
