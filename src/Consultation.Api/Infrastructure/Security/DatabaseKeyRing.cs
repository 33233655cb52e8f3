using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// ASP.NET Core's data-protection keys — which sign and encrypt the pages' sign-in cookie and the forms' antiforgery
/// tokens — kept in the database every node shares, instead of each node's file system (a container's own, or its
/// memory): a page signed in on one node is signed in on every node, and a form one node served is accepted by another.
/// The keys are stored as ASP.NET Core writes them (not encrypted at rest, as with its own database repository): the
/// database's access control protects them, as it protects the record.
/// </summary>
public sealed class DatabaseKeyRing(Func<IDocumentStore> store) : IXmlRepository
{
    /// <summary>The application name every node shares, so they read one key ring.</summary>
    public const string ApplicationName = "consultation-tracker";

    // The repository's contract is synchronous, Marten 9's access asynchronous only. The ring is read when a node first
    // needs it and then about once a day, and a key written when the ring is made and then every 90 days.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store().QuerySession();
        return [.. session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(k => XElement.Parse(k.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store().LightweightSession();
        session.Insert(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

public static class DatabaseKeyRingSetup
{
    /// <summary>Registers the key document, so the schema commands know its table.</summary>
    public static void AddDataProtectionKeys(this StoreOptions options) => options.Schema.For<DataProtectionKey>();

    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(DatabaseKeyRing.ApplicationName);
        // The store is asked for at the ring's first use, not when the options are built: commands that start no database
        // (openapi) still build the pages' antiforgery services.
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, provider) => o.XmlRepository = new DatabaseKeyRing(provider.GetRequiredService<IDocumentStore>));
        return services;
    }
}

/// <summary>One data-protection key as ASP.NET Core wrote it (id: its friendly name, <c>key-{guid}</c>).</summary>
public sealed class DataProtectionKey
{
    public required string Id { get; init; }

    public required string Xml { get; init; }
}
