using JasperFx.Events.Projections;
using Marten;

namespace Consultation.Positions.Views;

/// <summary>Read views over positions: issue matrix, a stakeholder's positions, shifts, as-of (registered by <see cref="PositionsModule"/>).</summary>
public static class PositionViewsModule
{
    public static void AddPositionViews(this StoreOptions options)
    {
        // A custom IProjection says nothing about what it writes: declare it, so a rebuild deletes the table before replaying.
        options.Projections.Add(
            new PositionVersionsProjection(),
            ProjectionLifecycle.Inline,
            "PositionVersions",
            asyncConfiguration: o => o.DeleteViewTypeOnTeardown<PositionVersion>());

        // Duplicated (real, btree-indexed) columns for every filter: position, process, issue, stakeholder and both timelines.
        options.Schema.For<PositionVersion>()
            .Duplicate(x => x.PositionKey)
            .Duplicate(x => x.Process)
            .Duplicate(x => x.Issue)
            .Duplicate(x => x.Stakeholder)
            .Duplicate(x => x.RecordedAt)
            .Duplicate(x => x.SupersededAt)
            .Duplicate(x => x.StatedOn)
            .Duplicate(x => x.ValidTo)
            .Index([x => x.Process, x => x.Issue], index => index.Name = "mt_doc_positionversion_idx_process_issue");
    }

    public static void MapPositionViews(this IEndpointRouteBuilder app)
    {
        GetEffectivePosition.Map(app);
        IssuePositions.Map(app);
        StakeholderPositions.Map(app);
        StanceShifts.Map(app);
    }
}
