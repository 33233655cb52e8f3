namespace Consultation.Benchmarks;

/// <summary>
/// What must not outlive the benchmark (the service's process, the database container), undone in reverse order when the
/// process exits, also on SIGTERM or Ctrl+C: the service first, so it does not log errors about a vanished database.
/// </summary>
public static class Cleanup
{
    private static readonly Stack<Action> Actions = new();

    private static readonly List<System.Runtime.InteropServices.PosixSignalRegistration> Signals = [];

    static Cleanup()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAll();
        // A signal ends the process without ProcessExit here: clean up, then exit as the signal would (128 + its number).
        foreach (var (signal, code) in new[] { (System.Runtime.InteropServices.PosixSignal.SIGTERM, 143), (System.Runtime.InteropServices.PosixSignal.SIGINT, 130) })
        {
            Signals.Add(System.Runtime.InteropServices.PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Console.Error.WriteLine($"{context.Signal}: stopping the service and the database container");
                RunAll();
                Environment.Exit(code);
            }));
        }
    }

    public static void Register(Action action)
    {
        lock (Actions)
        {
            Actions.Push(action);
        }
    }

    private static void RunAll()
    {
        while (true)
        {
            Action next;
            lock (Actions)
            {
                if (!Actions.TryPop(out next!))
                {
                    return;
                }
            }

            try
            {
                next();
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"Cleanup: {e.Message}");
            }
        }
    }
}
