namespace Consultation.Tests.Support;

/// <summary>The real service over the real HTTP pipeline, on the test PostgreSQL, in a schema of its own, seeds off.</summary>
public class ApiFactory() : ServiceFactory("api");
