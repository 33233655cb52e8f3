using Consultation.Infrastructure.Commands;
using Consultation.Infrastructure.EventStore;
using Consultation.Infrastructure.Http;
using Consultation.Infrastructure.Observability;
using Consultation.Infrastructure.Pipeline;
using Consultation.Infrastructure.Resilience;
using Consultation.Infrastructure.Security;
using Consultation.Seeding;
using JasperFx;

CommandOutput.KeepStandardOutputForData(args);
var builder = WebApplication.CreateBuilder(args);
builder.Host.ApplyJasperFxExtensions();
builder.AddConsultationObservability();
builder.Services
    .AddConsultationEventStore()
    .AddConsultationPipeline()
    .AddConsultationHttp()
    .AddConsultationSecurity(builder.Configuration)
    .AddConsultationSeeding()
    .AddConsultationResilience(builder.Configuration);

var app = builder.Build();
app.UseConsultationHttp();
app.MapConsultationEndpoints();
app.LogStartupBanner();

return CommandExitCodes.Resolve(args, await app.RunJasperFxCommands(args));

public partial class Program;
