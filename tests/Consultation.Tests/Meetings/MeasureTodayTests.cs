using Consultation.Convergence.Measuring;

namespace Consultation.Tests.Meetings;

/// <summary>The measure "now" counts who is entitled today, and today is the service's clock, like every other rule's.</summary>
[Collection(MeetingsApiCollection.Name)]
public sealed class MeasureTodayTests(MeetingsApiFactory api)
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    [Fact]
    public async Task The_measure_now_counts_those_entitled_on_the_service_clock_s_today()
    {
        var start = api.Clock.Now;
        try
        {
            var (process, _) = await _secretariat.OpenStocktakingAsync("sovereignty");
            var ngo = $"ngo-{Guid.NewGuid():N}"[..12];
            await _secretariat.EnsureStakeholderAsync(ngo, "CivilSociety", $"Organization {ngo}", regionalGroup: null);
            await _secretariat.EnsureParticipantAsync(process, "stocktaking-2017", ngo);
            await _secretariat.EnsureAccreditedAsync(ngo, process, "2017-05-01");
            var stated = await _secretariat.Client.PostJsonAsync(
                $"/processes/{process}/issues/sovereignty/positions",
                new { stakeholder = ngo, stance = -2, summary = "Opposes", meeting = "stocktaking-2017", statedOn = "2017-12-04" });
            Assert.True(stated.StatusCode == HttpStatusCode.Created, await stated.Content.ReadAsStringAsync());

            api.Clock.Now = new DateTimeOffset(2018, 2, 1, 9, 0, 0, TimeSpan.Zero);
            await _secretariat.UpdateOkAsync($"/stakeholders/{ngo}", $"accreditations/{process}/end", new { endedOn = "2018-01-15", reason = "Accreditation lapsed" });
            var url = $"/processes/{process}/issues/sovereignty/convergence";
            var afterTheEnd = await (await _secretariat.Client.GetAsync(url)).ReadAsync<IssueConvergence.Answer>();

            api.Clock.Now = new DateTimeOffset(2018, 1, 10, 9, 0, 0, TimeSpan.Zero);
            var beforeTheEnd = await (await _secretariat.Client.GetAsync(url)).ReadAsync<IssueConvergence.Answer>();

            Assert.Equal((0, 0), (afterTheEnd.Measure.Positions, afterTheEnd.Measure.Coverage.Accredited));
            Assert.Equal((1, 1, 1), (beforeTheEnd.Measure.Positions, beforeTheEnd.Measure.Counts.Opposes, beforeTheEnd.Measure.Coverage.Accredited));
        }
        finally
        {
            api.Clock.Now = start;
        }
    }
}
