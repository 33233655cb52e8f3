using Consultation.Convergence.OpinionGroups.Reading;

namespace Consultation.Convergence.OpinionGroups;

/// <summary>Opinion groups inferred from the positions, beside the declared groups (<c>README.md</c> beside this file).</summary>
public static class OpinionGroupsModule
{
    public static IServiceCollection AddOpinionGroupServices(this IServiceCollection services) => services.AddSingleton<OpinionGroupsKept>();

    public static void MapOpinionGroups(this IEndpointRouteBuilder app) => GetOpinionGroups.Map(app);
}
