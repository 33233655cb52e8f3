using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Convergence.Summaries;
using JasperFx.Events.Projections;

namespace Consultation.Convergence.Measuring;

/// <summary>Measured convergence: per-issue measures computed on read, and per-process thresholds (inline).</summary>
public static class MeasuresModule
{
    public static void AddMeasures(this StoreOptions options)
    {
        options.Projections.Add<ConvergenceSettingsProjection>(ProjectionLifecycle.Inline);
        AccreditationsIndex.Register(options);
        Live.MeasureChanges.Register(options);
    }

    public static void MapMeasures(this IEndpointRouteBuilder app)
    {
        GetConvergenceSettings.Map(app);
        Grouping.GroupingEndpoints.Map(app);
        IssueConvergence.Map(app);
        AreaConvergence.Map(app);
        ProcessConvergence.Map(app);
        ConvergenceTimelines.Map(app);
    }
}
