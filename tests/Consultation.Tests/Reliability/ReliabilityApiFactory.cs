namespace Consultation.Tests.Reliability;

/// <summary>The service with the per-user write limit lifted, so a load test measures the record, not the rate limiter.</summary>
public class ReliabilityApiFactory : ApiFactory
{
    protected override IEnumerable<(string Name, string Value)> ExtraSettings =>
        [("Security:WritesPerWindow", "1000000"), ("Security:WindowSeconds", "60")];
}
