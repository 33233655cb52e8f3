using System.Globalization;

namespace Consultation.Tests.Reliability.Soak;

/// <summary>
/// The size of the concurrency soak. <c>CONSULTATION_SOAK_SCALE</c> multiplies the full load (32 clients × 200 writes
/// each = 6,400 acknowledged writes on 24 positions); unset, the test runs at 0.1 (20 writes each), which keeps CI short.
/// <c>CONSULTATION_SOAK_SEED</c> fixes the clients' random choices (default 2017).
/// </summary>
public sealed record SoakLoad(int Clients, int WritesPerClient, int Issues, int Stakeholders, int Seed)
{
    public const string ScaleVariable = "CONSULTATION_SOAK_SCALE";
    public const string SeedVariable = "CONSULTATION_SOAK_SEED";
    public const int FullWritesPerClient = 200;
    public const double DefaultScale = 0.1;

    public int Positions => Issues * Stakeholders;

    public static SoakLoad FromEnvironment()
    {
        var scale = double.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : DefaultScale;
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var d) ? d : 2017;
        return new SoakLoad(32, Math.Max(1, (int)Math.Round(FullWritesPerClient * scale)), 4, 6, seed);
    }
}
