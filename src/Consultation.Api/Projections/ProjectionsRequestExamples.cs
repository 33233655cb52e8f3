namespace Consultation.Projections;

/// <summary>The administration commands' example bodies in the OpenAPI document.</summary>
public sealed class ProjectionsRequestExamples : IRequestExamples
{
    public IEnumerable<object> Examples =>
    [
        new RebuildProjections.Request(Projections: ["StakeholderStatistics"]),
    ];
}
