using System.Diagnostics;

namespace Consultation.Tests.Support;

/// <summary>The service as built next to the tests (<c>src/Consultation.Api/bin/…/Consultation.Api.dll</c>), to run as a process of its own.</summary>
public static class BuiltService
{
    public static string Directory { get; } = AppContext.BaseDirectory.Replace(
        Path.Combine("tests", "Consultation.Tests"), Path.Combine("src", "Consultation.Api"), StringComparison.Ordinal);

    /// <summary><c>dotnet Consultation.Api.dll args…</c> from its own folder, with its output captured; the caller adds the settings.</summary>
    public static ProcessStartInfo StartInfo(params string[] args) =>
        new("dotnet", [Path.Combine(Directory, "Consultation.Api.dll"), .. args])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
}
