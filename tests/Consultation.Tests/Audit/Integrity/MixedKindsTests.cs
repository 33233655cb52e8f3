using Consultation.Stakeholders;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Audit.Integrity;

/// <summary>
/// A store written before records of different kinds were kept apart may hold a stakeholder registered into a process's
/// stream. A rebuild reproduces it and the chain covers it faithfully, so verification reports it beside the chain.
/// </summary>
public sealed class MixedKindsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Verification_reports_a_stream_that_holds_records_of_two_kinds()
    {
        var secretariat = new Secretariat(api.CreateClient());
        var clean = await secretariat.LaunchProcessAsync();
        var before = JsonDocument.Parse(await secretariat.Client.GetStringAsync("/audit/verify")).RootElement;
        Assert.True(before.GetProperty("kindsApart").GetBoolean(), before.ToString());

        var mixed = await secretariat.LaunchProcessAsync();
        await using (var session = api.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            // What the registration handler did before it refused another kind's stream.
            session.Events.Append(mixed, new StakeholderRegistered(mixed, StakeholderKind.CivilSociety, "Squatter", null, null));
            await session.SaveChangesAsync();
        }

        var after = JsonDocument.Parse(await secretariat.Client.GetStringAsync("/audit/verify")).RootElement;
        Assert.False(after.GetProperty("kindsApart").GetBoolean(), after.ToString());
        var found = Assert.Single(after.GetProperty("streamsMixingKinds").EnumerateArray());
        Assert.Equal(mixed, found.GetProperty("streamKey").GetString());
        Assert.Equal("process_launched", found.GetProperty("beganWith").GetString());
        Assert.Equal("stakeholder_registered", found.GetProperty("intruder").GetString());
        Assert.Equal(2, found.GetProperty("version").GetInt64());
        Assert.NotEqual(clean, mixed);
    }
}
