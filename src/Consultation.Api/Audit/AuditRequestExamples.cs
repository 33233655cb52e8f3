using Consultation.Audit.Rebuilding;
using Consultation.Infrastructure.Http;

namespace Consultation.Audit;

/// <summary>The administration commands' example bodies in the OpenAPI document.</summary>
public sealed class AuditRequestExamples : IRequestExamples
{
    public IEnumerable<object> Examples =>
    [
        new RebuildProjections.Request(Projections: ["StakeholderStatistics"]),
    ];
}
