namespace Consultation.Audit.Replaying;

/// <summary>Registration for answering read models as of a global sequence.</summary>
public static class ReplayingModule
{
    public static void AddReplaying(this StoreOptions options)
    {
    }

    public static IServiceCollection AddReplayingServices(this IServiceCollection services) => services.AddAsOfSequenceOpenApi();

    public static void MapReplaying(this IEndpointRouteBuilder app)
    {
    }

    /// <summary>
    /// Time parameters refused where not honoured (<see cref="UnhonouredTimeParameters"/>); <c>asOfSequence</c> on every
    /// endpoint that answers <c>asOf</c> (<see cref="AsOfSequenceMiddleware"/>).
    /// </summary>
    public static WebApplication UseReplaying(this WebApplication app)
    {
        app.UseMiddleware<UnhonouredTimeParameters>();
        app.UseMiddleware<AsOfSequenceMiddleware>();
        return app;
    }
}
