using Consultation.Infrastructure.Commands;
using Consultation.Infrastructure.Database;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultation.Synthetic;

/// <summary>
/// <c>dotnet run --project src/Consultation.Synthetic -- generate …</c>: the generator's own entry point, so the deployable
/// service does not carry it. A class rather than top-level statements: the tests reference both programs, and the
/// service's <c>Program</c> must stay the only one.
/// </summary>
internal static class SyntheticProgram
{
    public static async Task<int> Main(string[] args)
    {
        // The service's store on the service's configuration (its appsettings.json is copied beside this program; user
        // secrets and environment variables as for the service), and nothing else: no daemon, no pipeline, no HTTP.
        var host = Host.CreateDefaultBuilder()
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureServices(services => services
                .AddSingleton<ConsultationDatabase>()
                .AddMarten(sp =>
                {
                    var database = sp.GetRequiredService<ConsultationDatabase>();
                    var options = new StoreOptions();
                    Modules.ConfigureStore(options, database.ConnectionString, database.SchemaName);
                    return options;
                }));

        var executor = CommandExecutor.For(factory =>
        {
            factory.RegisterCommand<GenerateCommand>();
            factory.ConfigureRun = run =>
            {
                if (run.Input is IHostBuilderInput input)
                {
                    input.HostBuilder = host;
                }
            };
        });

        return CommandExitCodes.Resolve(args, await executor.ExecuteAsync(args));
    }
}
