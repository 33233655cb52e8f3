using JasperFx.Events.Projections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Consultation.Tests.Reliability.Faults;

/// <summary>The service with <see cref="RefusingProjection"/> added to its async projections.</summary>
public sealed class FaultyProjectionApiFactory : ReliabilityApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureMarten(options =>
        {
            options.Projections.Add(new RefusingProjection(), ProjectionLifecycle.Async, RefusingProjection.Name);
            options.Schema.For<SeenRegistration>();
        }));
    }
}
