using Consultation.Positions;
using Consultation.Positions.Batching;
using Consultation.Positions.Correcting;
using Consultation.Positions.Reading;
using Consultation.Positions.Revising;
using Consultation.Positions.Stating;
using Consultation.Positions.Withdrawing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Positions;

/// <summary>
/// The position write path's round trips, as a request makes them (one DI scope: the command, then the answer's read): a
/// write reads its stream, the open rows of its versions and its facts in one round trip and appends in a second; its answer
/// reads nothing more (no cited statement). A re-statement of a withdrawn position reads its open version rows at the save (a
/// third). A batch of new positions reads its facts once and saves once. The write throughput the benchmark measures rests on these counts.
/// </summary>
public sealed class WriteRoundTripsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Meeting = "stocktaking-2017";

    [Fact]
    public async Task Each_write_and_its_answer_take_two_round_trips_a_restatement_three()
    {
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync("alpha");
        await steps.Secretariat.EnsureParticipantAsync(process, Meeting, "MEX");
        var key = Position.KeyFor(process, "alpha", "MEX");
        var on = new DateOnly(2017, 12, 4);

        var written = new[]
        {
            await WriteAsync(new StatePosition.Request { Stakeholder = "MEX", Stance = 1, Summary = "Supports", Meeting = Meeting, StatedOn = on }.For(process, "alpha"), key),
            await WriteAsync(new RevisePosition.Command(key, 1, new PositionChange { Stance = -1, Summary = "Now has reservations", Meeting = Meeting, StatedOn = on.AddDays(1), Reason = "New instructions" }), key),
            await WriteAsync(new CorrectPosition.Command(key, 2, new PositionCorrection { Stance = -2, Meeting = Meeting, Reason = "Entered wrong" }), key),
            await WriteAsync(new WithdrawPosition.Command(key, 3, new WithdrawPosition.Request(Meeting, null, null, on.AddDays(2), "Awaiting instructions")), key),
            await WriteAsync(new StatePosition.Request { Stakeholder = "MEX", Stance = 2, Summary = "Supports again", Meeting = Meeting, StatedOn = on.AddDays(2) }.For(process, "alpha"), key),
        };

        Assert.Equal([("StatePosition", 1L, 2), ("RevisePosition", 2L, 2), ("CorrectPosition", 3L, 2), ("WithdrawPosition", 4L, 2), ("StatePosition", 5L, 3)], written);
    }

    /// <summary>A correction that keeps the recorded meeting reads its facts again once the stream says which meeting that is: a third round trip.</summary>
    [Fact]
    public async Task A_correction_keeping_the_recorded_meeting_takes_three_round_trips()
    {
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync("alpha");
        await steps.StateAsync(process, "alpha", "MEX", 1);
        var key = Position.KeyFor(process, "alpha", "MEX");

        Assert.Equal(("CorrectPosition", 2L, 3), await WriteAsync(new CorrectPosition.Command(key, 1, new PositionCorrection { Stance = -2, Reason = "Entered wrong" }), key));
    }

    [Fact]
    public async Task A_batch_of_new_positions_takes_two_round_trips()
    {
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync("alpha", "beta");
        await steps.Secretariat.EnsureParticipantAsync(process, Meeting, "MEX");
        await steps.Secretariat.EnsureStakeholderAsync("ECU");
        await steps.Secretariat.EnsureParticipantAsync(process, Meeting, "ECU");
        var items = new[] { ("alpha", "MEX"), ("beta", "MEX"), ("alpha", "ECU") }
            .Select(x => new StatePositionsInBatch.Item { Issue = x.Item1, Stakeholder = x.Item2, Stance = 1, Summary = "Supports", Meeting = Meeting, StatedOn = new DateOnly(2017, 12, 4) })
            .ToList();

        await using var scope = api.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var (written, statements) = await RoundTrips.TraceAsync(async () => await mediator.Send(new StatePositionsInBatch.Command(process, new StatePositionsInBatch.Request(items))));

        Assert.Equal(3, written.Positions.Count);
        Assert.True(statements.Count == 2, $"{statements.Count} round trips:\n{string.Join("\n---\n", statements)}");
    }

    /// <summary>
    /// A batch of changes reads whether its process exists, then every position and its facts in one round trip whatever the
    /// number of items, and saves once; corrections keeping their recorded meeting read their facts in one more, together.
    /// </summary>
    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 4)]
    public async Task A_batch_of_changes_reads_its_positions_in_one_round_trip(bool keepingRecordedMeetings, int roundTrips)
    {
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync("alpha", "beta");
        var stakeholders = new[] { "MEX", "ECU", "THA" };
        foreach (var stakeholder in stakeholders)
        {
            await steps.Secretariat.EnsureStakeholderAsync(stakeholder);
            await steps.StateAsync(process, "alpha", stakeholder, 1);
            await steps.StateAsync(process, "beta", stakeholder, 1);
        }

        var items = stakeholders.SelectMany(stakeholder => new[]
        {
            new ChangePositionsInBatch.Item
            {
                Issue = "alpha", Stakeholder = stakeholder, ExpectedVersion = 1,
                Revise = new PositionChange { Stance = -1, Summary = "Now has reservations", Meeting = Meeting, StatedOn = new DateOnly(2017, 12, 5), Reason = "New instructions" },
            },
            new ChangePositionsInBatch.Item
            {
                Issue = "beta", Stakeholder = stakeholder,
                Correct = new PositionCorrection { Stance = 2, Meeting = keepingRecordedMeetings ? null : Meeting, Reason = "Entered wrong" },
            },
        }).ToList();

        await using var scope = api.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var (written, statements) = await RoundTrips.TraceAsync(async () => await mediator.Send(new ChangePositionsInBatch.Command(process, new ChangePositionsInBatch.Request(items))));

        Assert.Equal(6, written.Positions.Count);
        Assert.True(statements.Count == roundTrips, $"{statements.Count} round trips:\n{string.Join("\n---\n", statements)}");
    }

    /// <summary>The command and the answer's read, in one scope as a request sends them: the version answered and the round trips.</summary>
    private async Task<(string Write, long Version, int RoundTrips)> WriteAsync<TCommand>(TCommand command, string key)
        where TCommand : ICommand<Infrastructure.EventStore.StreamWritten>
    {
        await using var scope = api.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var (answer, statements) = await RoundTrips.TraceAsync(async () =>
        {
            await mediator.Send(command);
            return await mediator.Send(new GetPosition.Query(key));
        });
        return (typeof(TCommand).DeclaringType!.Name, answer.Version, statements.Count);
    }
}
