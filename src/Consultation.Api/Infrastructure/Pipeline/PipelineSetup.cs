namespace Consultation.Infrastructure.Pipeline;

public static class PipelineSetup
{
    /// <summary>Mediator (scoped: handlers take Marten's scoped session) with validation, then the user's processes, then event metadata, before every handler.</summary>
    public static IServiceCollection AddConsultationPipeline(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<RequestContext>();
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(ProcessScopeBehavior<,>), typeof(EventMetadataBehavior<,>)];
        });
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddValidatorsFromAssemblyContaining<RequestContext>(ServiceLifetime.Singleton);
        return services;
    }
}
