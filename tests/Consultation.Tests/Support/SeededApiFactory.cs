namespace Consultation.Tests.Support;

/// <summary>The service started fresh with <c>Seeds:Enabled=true</c> on the repository's <c>seeds/</c>, in a schema of its own.</summary>
public sealed class SeededApiFactory() : ServiceFactory("seeded")
{
    protected override bool Seeded => true;
}
