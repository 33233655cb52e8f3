using JasperFx.Events.Projections;

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

        // Every filter is a real (duplicated) column, but only the filters that lead a read have an index: position; process
        // and issue (which also serves process alone); stakeholder. The time columns are compared on the rows those find.
        // Each index costs every inserted row, and a batch of 500 statings inserts 500. DocumentMapping.DuplicateField adds
        // the column only (Schema.For<T>().Duplicate would add an index per column), hence a policy on this one type.
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(PositionVersion))
            {
                return;
            }

            foreach (var column in DuplicatedColumns)
            {
                mapping.DuplicateField(column);
            }

            mapping.AddIndex("position_key");
            mapping.AddIndex("stakeholder");
            mapping.AddIndex("process", "issue").Name = "mt_doc_positionversion_idx_process_issue";
        });
    }

    private static readonly string[] DuplicatedColumns =
    [
        nameof(PositionVersion.PositionKey),
        nameof(PositionVersion.Process),
        nameof(PositionVersion.Issue),
        nameof(PositionVersion.Stakeholder),
        nameof(PositionVersion.RecordedAt),
        nameof(PositionVersion.SupersededAt),
        nameof(PositionVersion.StatedOn),
        nameof(PositionVersion.ValidTo),
    ];

    public static void MapPositionViews(this IEndpointRouteBuilder app)
    {
        GetEffectivePosition.Map(app);
        IssuePositions.Map(app);
        StakeholderPositions.Map(app);
        StanceShifts.Map(app);
    }
}
