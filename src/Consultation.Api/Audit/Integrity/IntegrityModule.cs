namespace Consultation.Audit.Integrity;

/// <summary>Registration for tamper evidence: the events table refuses UPDATE/DELETE, the hash chain, verification and attestation.</summary>
public static class IntegrityModule
{
    public static void AddIntegrity(this StoreOptions options)
    {
        options.Storage.Add(new AppendOnlySchema(options));
        options.Projections.Subscribe(new AuditChainSubscription());
    }

    public static IServiceCollection AddIntegrityServices(this IServiceCollection services) => services;

    public static void MapIntegrity(this IEndpointRouteBuilder app)
    {
        VerifyChain.Map(app);
        GetAttestation.Map(app);
    }
}
