using Consultation.Infrastructure.Commands;
using JasperFx.CommandLine;

namespace Consultation.Infrastructure.Security;

public sealed class TokenInput : NetCoreInput
{
    [Description("User id (the token's 'sub'); it is recorded on every event the user appends")]
    [FlagAlias("name", 'n')]
    public string NameFlag { get; set; } = string.Empty;

    [Description("Display name (default: the user id)")]
    [FlagAlias("display-name", true)]
    public string? DisplayNameFlag { get; set; }

    [Description("Roles, space- or comma-separated after one --role: secretariat, facilitator, auditor, administrator")]
    [FlagAlias("role", 'r')]
    public List<string> RoleFlag { get; set; } = [];

    [Description("Process keys the user works on, space- or comma-separated after one --process; '*' for all processes")]
    [FlagAlias("process", 'p')]
    public List<string> ProcessFlag { get; set; } = [];

    [Description("Lifetime in hours (default Authentication:DevelopmentTokenHours, 8; at most 720)")]
    [FlagAlias("hours", true)]
    public int? HoursFlag { get; set; }
}

/// <summary>
/// <c>dotnet run -- token --name alice --role secretariat --process gcm</c>: prints a bearer token signed with the
/// development key, for local use (the API refuses that key outside Development unless told otherwise).
/// </summary>
[Description("Issue a development bearer token for a user, role(s) and processes (local use only; signed with Authentication:DevelopmentKey)", Name = "token")]
public sealed class TokenCommand : JasperFxAsyncCommand<TokenInput>
{
    public const int MaxHours = 720;

    public override async Task<bool> Execute(TokenInput input)
    {
        input.RoleFlag = Split(input.RoleFlag);
        input.ProcessFlag = Split(input.ProcessFlag);
        using var host = input.BuildHost();
        var settings = AuthenticationSettings.From(host.Services.GetRequiredService<IConfiguration>());
        var problems = Problems(input, settings).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            CommandExitCodes.Request(CommandExitCodes.Usage);
            return false;
        }

        var hours = input.HoursFlag ?? settings.DevelopmentTokenHours;
        var token = DevelopmentTokens.Issue(
            settings,
            input.NameFlag,
            input.DisplayNameFlag,
            input.RoleFlag.Distinct(StringComparer.Ordinal),
            input.ProcessFlag.Distinct(StringComparer.Ordinal),
            host.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
            TimeSpan.FromHours(hours));
        Console.WriteLine(token);
        await Console.Error.WriteLineAsync(
            $"Token for '{input.NameFlag}' as {string.Join(", ", input.RoleFlag)} on {string.Join(", ", input.ProcessFlag)}, valid {hours} h. "
            + "Use it as: Authorization: Bearer <token>");
        return true;
    }

    private static List<string> Split(List<string> values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static IEnumerable<string> Problems(TokenInput input, AuthenticationSettings settings)
    {
        if (string.IsNullOrEmpty(settings.DevelopmentKey))
        {
            yield return $"No development key: set '{AuthenticationSettings.Section}:DevelopmentKey' (tokens for production come from your OpenID Connect provider).";
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(settings.DevelopmentKey) < AuthenticationSettings.MinimumKeyBytes)
        {
            yield return $"'{AuthenticationSettings.Section}:DevelopmentKey' must be at least {AuthenticationSettings.MinimumKeyBytes} bytes long.";
        }

        if (TokenUser.Problem(input.NameFlag) is { } problem)
        {
            yield return $"Give the user id with --name (1-{TokenUser.MaxUserIdLength} characters, no control characters, not {string.Join(" or ", TokenUser.ReservedUserIds.Order(StringComparer.Ordinal).Select(u => $"'{u}'"))}): {problem}";
        }

        if (input.RoleFlag.Count == 0)
        {
            yield return $"Give at least one --role: {string.Join(", ", Roles.All)}.";
        }

        foreach (var role in input.RoleFlag.Where(r => !Roles.IsKnown(r)))
        {
            yield return $"Unknown role '{role}': use {string.Join(", ", Roles.All)}.";
        }

        if (input.ProcessFlag.Count == 0)
        {
            yield return "Give at least one --process (a process key, or '*' for all processes).";
        }

        foreach (var process in input.ProcessFlag.Where(p => p != ConsultationClaims.AllProcesses && !StreamKeys.IsSlug(p)))
        {
            yield return $"'{process}' is not a process key: {StreamKeys.SlugRule}.";
        }

        if (input.HoursFlag is < 1 or > MaxHours)
        {
            yield return $"--hours must be between 1 and {MaxHours}.";
        }
    }
}
