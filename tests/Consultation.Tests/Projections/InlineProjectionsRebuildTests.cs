using Consultation.Projections;
using Consultation.Tests.Convergence.Measuring;
using JasperFx.Events.Projections;
using Npgsql;

namespace Consultation.Tests.Projections;

/// <summary>
/// Every inline projection is rebuilt stream by stream (<see cref="StreamFoldRebuild"/>), those reading the same events from
/// one read: the rebuilt tables must hold exactly the rows the inline projections wrote — document, revision and indexed
/// columns alike — and the rows Marten's own rebuild writes, for the seeded record (stakeholders and groups, the process
/// with its phases and issues, the stocktaking meeting with statements, findings and recommendations, five areas with
/// divergences), all written through the command pipeline, and positions and process thresholds recorded through the API.
/// </summary>
public sealed class InlineProjectionsRebuildTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    [Fact]
    public async Task Every_inline_projection_rebuilt_stream_by_stream_equals_what_the_inline_projections_wrote()
    {
        await RecordAsync();
        var projections = InlineProjections();
        Assert.All(projections, p => Assert.True(StreamFolds.For(api.Store, p.Name) is not null, $"{p.Name} is not rebuilt stream by stream"));
        var inline = await RowsAsync(projections);
        Assert.All(inline, t => Assert.True(t.Value.Count > 0, $"{t.Key} is empty"));

        var progress = projections.Select(p => new ProjectionRebuildProgress(p.Name, TimeProvider.System)).ToList();
        var head = await ProjectionRebuilder.RebuildAsync(api.Store, progress, null, CancellationToken.None);

        Assert.All(progress.Select(p => p.View()), v =>
        {
            Assert.True(v.State == RebuildState.Succeeded, v.Describe());
            Assert.Equal(head, v.Sequence);
        });
        AssertSameRows(inline, await RowsAsync(projections));
        Assert.Equal(0L, await ProgressionRowsAsync(projections));
    }

    [Fact]
    public void Only_projections_reading_the_same_events_are_rebuilt_from_one_read()
    {
        var projections = InlineProjections().Select(p => new ProjectionRebuildProgress(p.Name, TimeProvider.System)).ToList();

        var steps = RebuildStep.Plan(api.Store, projections);

        Assert.Equal(projections, steps.SelectMany(s => s.Projections).OrderBy(projections.IndexOf));
        Assert.All(steps, s => Assert.Equal(s.Projections, s.Folds.Select(f => f.Progress)));
        var shared = steps.Where(s => s.Projections.Count > 1).Select(s => string.Join(" + ", s.Projections.Select(p => p.Name))).Order();
        Assert.Equal(["MeetingDetails + Consultation.Meetings.StatementRecordProjection", "PositionDetails + PositionVersions"], shared);
    }

    [Fact]
    public async Task Marten_s_own_rebuild_gives_the_same_rows_as_the_stream_by_stream_rebuild()
    {
        await RecordAsync();
        var projections = InlineProjections();
        await ProjectionRebuilder.RebuildAsync(api.Store, projections.Select(p => new ProjectionRebuildProgress(p.Name, TimeProvider.System)).ToList(), null, CancellationToken.None);
        var folded = await RowsAsync(projections);

        using (var daemon = await api.Store.BuildProjectionDaemonAsync())
        {
            foreach (var projection in projections)
            {
                await daemon.RebuildProjectionAsync(projection.Name, CancellationToken.None);
            }
        }

        AssertSameRows(await RowsAsync(projections), folded);
    }

    private IReadOnlyList<ProjectionInfo> InlineProjections() =>
        ProjectionCatalog.All(api.Store).Where(p => p.Lifecycle == ProjectionLifecycle.Inline).ToList();

    private static void AssertSameRows(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual)
    {
        foreach (var (table, rows) in expected)
        {
            Assert.True(rows.Count == actual[table].Count, $"{table}: {rows.Count} rows expected, {actual[table].Count} found");
            var first = rows.Zip(actual[table]).FirstOrDefault(p => p.First != p.Second);
            Assert.True(first == default, $"{table} differs:\n expected {first.First}\n actual   {first.Second}");
        }
    }

    /// <summary>Positions (stated, revised, corrected, withdrawn; one citing a submission), submissions (recorded, corrected, withdrawn) and thresholds set twice, in a fresh process, through the API.</summary>
    private async Task RecordAsync()
    {
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync("sovereignty", "labour");
        foreach (var issue in new[] { "sovereignty", "labour" })
        {
            await steps.StateAsync(process, issue, "MEX", 1);
            await steps.ReviseAsync(process, issue, "MEX", 2, "2017-12-05");
            await steps.CorrectAsync(process, issue, "MEX", -1, "2017-12-05");
        }

        await steps.WithdrawAsync(process, "labour", "MEX", "2017-12-06");

        // A written submission recorded and corrected, another withdrawn, and a position citing the first.
        await steps.Secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        foreach (var submission in new[] { "letter", "draft" })
        {
            var recorded = await steps.Client.PostJsonAsync($"/processes/{process}/submissions", new
            {
                submission, from = "ECU", receivedOn = "2017-10-16", issues = new[] { "sovereignty" }, channel = "Letter", title = "Written contribution", language = "es",
            });
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        }

        await steps.Secretariat.UpdateOkAsync($"/processes/{process}/submissions/letter", "correct", new { channel = "Email", reason = "It came by e-mail" });
        await steps.Secretariat.UpdateOkAsync($"/processes/{process}/submissions/draft", "withdraw", new { reason = "Recorded twice" });
        var cited = await steps.Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", new
        {
            stakeholder = "ECU", stance = 2, summary = "Supports, in writing", submission = "letter", statedOn = "2017-10-16",
        });
        Assert.True(cited.StatusCode == HttpStatusCode.Created, await cited.Content.ReadAsStringAsync());

        for (var version = 0; version < 2; version++)
        {
            var body = new { minPositions = 3 + version, minGroups = 2, consensusGicn = 0.8, broadConvergenceGicn = 0.65, emergingGicn = 0.5, broadConvergenceMaxOpposition = 0.05, reason = "Agreed" };
            var set = await ConvergenceThresholdsTests.PutAsync(steps.Client, process, body, $"\"{version}\"");
            Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        }
    }

    /// <summary>
    /// Every row of every table the projections write, as JSON text (jsonb: canonical key order), by id: all columns but the
    /// write time and, where the document has no numeric revision, <c>mt_version</c> (then a fresh Guid on every write).
    /// </summary>
    private async Task<Dictionary<string, List<string>>> RowsAsync(IReadOnlyList<ProjectionInfo> projections)
    {
        var tables = new Dictionary<string, List<string>>();
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        foreach (var type in projections.SelectMany(p => p.DocumentTypes).Distinct())
        {
            var mapping = (Marten.Schema.DocumentMapping)api.Store.Options.FindOrResolveDocumentType(type);
            var ignored = mapping.UseNumericRevisions ? string.Empty : " - 'mt_version'";
            await using var command = new NpgsqlCommand(
                $"select (to_jsonb(t) - 'mt_last_modified'{ignored})::text from {mapping.TableName.QualifiedName} t order by t.id collate \"C\"", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            tables[type.Name] = rows;
        }

        return tables;
    }

    private async Task<long> ProgressionRowsAsync(IReadOnlyList<ProjectionInfo> projections)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {api.Schema}.mt_event_progression where split_part(name, ':', 1) = any(@names)", connection);
        command.Parameters.AddWithValue("names", projections.Select(p => p.Name).ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
