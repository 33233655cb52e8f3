using Consultation;
using Consultation.Infrastructure.Commands;
using Consultation.Infrastructure.Observability;
using Consultation.Infrastructure.Pipeline;
using Consultation.Infrastructure.Resilience;
using Consultation.Infrastructure.Security;
using JasperFx;

CommandOutput.KeepStandardOutputForData(args);
var builder = WebApplication.CreateBuilder(args);
builder.Host.ApplyJasperFxExtensions();
builder.AddConsultationObservability();
builder.Services
    .AddConsultationEventStore(Modules.ConfigureStore)
    .AddConsultationPipeline()
    .AddConsultationHttp()
    .AddConsultationSecurity(builder.Configuration)
    .AddConsultationModules()
    .AddConsultationResilience(builder.Configuration);

var app = builder.Build();
app.UseConsultationHttp();
app.UseConsultationModules();
app.MapConsultationEndpoints(Modules.MapEndpoints);
app.LogStartupBanner();

return CommandExitCodes.Resolve(args, await app.RunJasperFxCommands(args));

public partial class Program;
