using Spectre.Console;

namespace Consultation.Infrastructure.Commands;

/// <summary>
/// Commands whose standard output is data (<c>audit export</c>, <c>audit verify --json</c>, <c>token</c>): JasperFx's own
/// console messages ("Searching … for commands") go to standard error for them, so <c>&gt; file</c> and <c>$(…)</c> get
/// only the data. Help still prints to standard output. For every command those messages are left out altogether
/// (<see cref="DiscoveryNoiseFilter"/>).
/// </summary>
public static class CommandOutput
{
    private static readonly string[] DataCommands = ["audit", "token", "openapi"];

    public static void KeepStandardOutputForData(string[] args)
    {
        var asksHelp = args is ["help", ..] || args.Contains("--help") || args.Contains("-h");
        var data = args.Length > 0 && DataCommands.Contains(args[0], StringComparer.OrdinalIgnoreCase) && !asksHelp;
        var target = data ? Console.Error : Console.Out;
        var redirected = data ? Console.IsErrorRedirected : Console.IsOutputRedirected;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(new DiscoveryNoiseFilter(target)),
            // Spectre tells a terminal from the console's own writer, which the filter hides from it: say it here.
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
    }
}
