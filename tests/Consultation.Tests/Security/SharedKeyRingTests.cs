using Consultation.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Security;

public sealed class KeyRingFactory() : ServiceFactory("keyring");

/// <summary>
/// The pages' sign-in cookie and the forms' antiforgery tokens are protected with ASP.NET Core's data-protection keys.
/// With several nodes behind a proxy, a key ring of each node's own would sign a user out, or refuse a form, whenever a
/// request reaches another node: the ring is kept in the database the nodes share.
/// </summary>
public sealed class SharedKeyRingTests(KeyRingFactory service) : IClassFixture<KeyRingFactory>
{
    [Fact]
    public async Task What_one_node_protects_a_node_with_nothing_but_the_same_database_can_read()
    {
        var protector = service.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("pages");
        var cookie = protector.Protect("signed in as sam");

        await using (var query = service.Store.QuerySession())
        {
            Assert.NotEmpty(await query.Query<DataProtectionKey>().ToListAsync());
        }

        var otherNode = new ServiceCollection().AddLogging().AddSingleton(service.Store).AddDatabaseKeyRing();
        await using var provider = otherNode.BuildServiceProvider();
        Assert.Equal("signed in as sam", provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("pages").Unprotect(cookie));
    }

    [Fact]
    public void A_node_reading_another_database_cannot()
    {
        var cookie = service.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("pages").Protect("signed in as sam");

        using var elsewhere = DocumentStore.For(o =>
        {
            o.Connection(TestDatabase.ConnectionStringAsync().GetAwaiter().GetResult());
            o.DatabaseSchemaName = TestDatabase.NewSchemaName("keyring_other");
            o.AddDataProtectionKeys();
        });
        var otherNode = new ServiceCollection().AddLogging().AddSingleton<IDocumentStore>(elsewhere).AddDatabaseKeyRing();
        using var provider = otherNode.BuildServiceProvider();
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("pages").Unprotect(cookie));
    }
}
