using Spectre.Console;

namespace Consultation.Infrastructure.Commands;

/// <summary>
/// Commands whose standard output is data (<c>audit export</c>, <c>audit verify --json</c>, <c>token</c>): JasperFx's own
/// console messages ("Searching … for commands") go to standard error for them, so <c>&gt; file</c> and <c>$(…)</c> get
/// only the data. Help still prints to standard output.
/// </summary>
public static class CommandOutput
{
    private static readonly string[] DataCommands = ["audit", "token", "openapi"];

    public static void KeepStandardOutputForData(string[] args)
    {
        var asksHelp = args is ["help", ..] || args.Contains("--help") || args.Contains("-h");
        if (args.Length > 0 && DataCommands.Contains(args[0], StringComparer.OrdinalIgnoreCase) && !asksHelp)
        {
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        }
    }
}
