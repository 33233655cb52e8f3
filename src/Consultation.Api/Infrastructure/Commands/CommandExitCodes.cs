namespace Consultation.Infrastructure.Commands;

/// <summary>
/// Exit codes for commands that monitoring or scripts act on. JasperFx maps a command's <c>bool</c> to 0/1;
/// a command that needs a finer answer requests a code here and <c>Program</c> returns it.
/// </summary>
public static class CommandExitCodes
{
    public const int Ok = 0;

    /// <summary>The check ran and found a difference: tampering, a broken link, projections that disagree.</summary>
    public const int Mismatch = 1;

    /// <summary>The arguments were wrong (the command printed what and why).</summary>
    public const int Usage = 2;

    /// <summary>The record could not be read (database unreachable, schema missing).</summary>
    public const int Unavailable = 3;

    private static int? _requested;

    public static void Request(int code) => _requested = code;

    /// <summary>
    /// The requested code, else JasperFx's own — except that asking for help (<c>help audit</c>, <c>audit --help</c>)
    /// is a success: JasperFx answers it with 1.
    /// </summary>
    public static int Resolve(string[] args, int jasperFxCode) =>
        _requested ?? (args is ["help", ..] || args.Contains("--help") || args.Contains("-h") ? Ok : jasperFxCode);
}
