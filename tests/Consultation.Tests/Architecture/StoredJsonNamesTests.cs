using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Consultation.Infrastructure.EventStore;
using Consultation.Stakeholders;
using Marten.Services;

namespace Consultation.Tests.Architecture;

/// <summary>
/// The modules' hand-written SQL (<c>*Sql.cs</c>) names JSON fields through <see cref="StoredJson"/>, from the members it
/// reads: these tests hold that the names it gives are the names the store's own serializer writes, for every member of
/// every document and event type the store knows and of the types they hold. Were the store to write another casing, or
/// a member to be renamed on the wire, the queries would read nothing, and this fails instead. No database.
/// </summary>
public sealed class StoredJsonNamesTests
{
    private static readonly IReadOnlyStoreOptions Options = StoreAsConfigured();

    [Fact]
    public void Every_member_of_every_stored_type_has_the_name_the_store_writes()
    {
        var contract = StoreSerializerOptions();
        var wrong = new List<string>();
        var checkedMembers = 0;
        foreach (var type in StoredTypes())
        {
            var info = contract.GetTypeInfo(type);
            if (info.Kind != JsonTypeInfoKind.Object)
            {
                continue; // written by a converter as a value or a list, not an object of fields
            }

            foreach (var property in info.Properties.Where(p => p.Get is not null && p.AttributeProvider is MemberInfo))
            {
                checkedMembers++;
                var member = (MemberInfo)property.AttributeProvider!;
                var name = StoredJson.Name(type, member.Name);
                if (name != property.Name)
                {
                    wrong.Add($"{type.Name}.{member.Name}: StoredJson says '{name}', the store writes '{property.Name}'");
                }
            }
        }

        Assert.True(checkedMembers > 200, $"only {checkedMembers} members checked: the stored types were not found");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void A_stored_document_holds_the_fields_a_query_names()
    {
        var document = new StakeholderDetails
        {
            Id = "MEX",
            Kind = StakeholderKind.MemberState,
            Name = "Mexico",
            Groups = [new GroupMembershipPeriod("lac", new DateOnly(2017, 4, 1), null)],
        };
        using var json = JsonDocument.Parse(Options.Serializer().ToJson(document));

        var groups = json.RootElement.GetProperty(StoredJson.Name<StakeholderDetails>(s => s.Groups));
        Assert.Equal("lac", groups[0].GetProperty(StoredJson.Name<GroupMembershipPeriod>(g => g.Group)).GetString());
        Assert.Equal("MemberState", json.RootElement.GetProperty(StoredJson.Name<StakeholderDetails>(s => s.Kind)).GetString());
    }

    [Fact]
    public void A_path_reads_each_member_by_its_written_name()
    {
        Assert.Equal("d.data -> 'groups'", StoredJson.Json<StakeholderDetails>("d.data", s => s.Groups));
        Assert.Equal("g ->> 'group'", StoredJson.Text<GroupMembershipPeriod>("g", g => g.Group));
        Assert.Equal("d.data -> 'registeredAt'", StoredJson.Json<StakeholderDetails>("d.data", s => s.RegisteredAt));
        Assert.Equal("'regionalGroup'", StoredJson.Key<StakeholderDetails>(s => s.RegionalGroup));
        Assert.Equal("\"isoCode\"", StoredJson.Column<StakeholderDetails>(s => s.IsoCode));
        Assert.Equal("e.data -> 'a' ->> 'b'", StoredJson.Text<Nested>("e.data", n => n.A.B));
    }

    [Fact]
    public void A_member_the_store_does_not_write_is_refused()
    {
        var refused = Assert.Throws<ArgumentException>(() => StoredJson.Name<GroupMembershipPeriod>(g => g.IsCurrent));
        Assert.Contains("IsCurrent", refused.Message);
    }

    [Fact]
    public void Every_event_that_gives_a_reason_writes_it_under_the_one_name_the_audit_log_reads()
    {
        var withReason = Options.Events.AllKnownEventTypes().Select(e => e.EventType)
            .Where(t => t.GetProperty("Reason") is not null)
            .ToList();
        Assert.NotEmpty(withReason);
        Assert.All(withReason, t => Assert.Equal(StoredJson.NameOf("Reason"), StoredJson.Name(t, "Reason")));
    }

    private sealed record Nested(Inner A);

    private sealed record Inner(string B);

    /// <summary>The document and event types, and every type of ours their members hold (directly or as elements), transitively.</summary>
    private static IEnumerable<Type> StoredTypes()
    {
        var roots = Options.AllKnownDocumentTypes().Select(m => m.DocumentType)
            .Concat(Options.Events.AllKnownEventTypes().Select(e => e.EventType));
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(roots.Where(Ours));
        while (pending.TryDequeue(out var type))
        {
            if (type.IsAbstract || type.IsInterface || type.IsEnum || !seen.Add(type))
            {
                continue;
            }

            yield return type;
            foreach (var held in Serialized(type).Select(p => ElementOrSelf(p.PropertyType)).Where(Ours))
            {
                pending.Enqueue(held);
            }
        }
    }

    private static IEnumerable<PropertyInfo> Serialized(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0);

    private static Type ElementOrSelf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type != typeof(string) && type.IsAssignableTo(typeof(IEnumerable))
            ? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] ?? type
            : type;
    }

    private static bool Ours(Type type) => type.Namespace?.StartsWith("Consultation", StringComparison.Ordinal) == true;

    /// <summary>The options the store's serializer writes with (Marten hands them out only to be configured).</summary>
    private static JsonSerializerOptions StoreSerializerOptions()
    {
        JsonSerializerOptions? options = null;
        ((SystemTextJsonSerializer)Options.Serializer()).Configure(o => options ??= o);
        // A copy, with the default resolver System.Text.Json gives options that name none (as the serializer's get on first use).
        return new JsonSerializerOptions(options!) { TypeInfoResolver = options!.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver() };
    }

    private static IReadOnlyStoreOptions StoreAsConfigured()
    {
        var options = new StoreOptions();
        Modules.ConfigureStore(options, "Host=localhost;Database=unused", "stored_json_names");
        return new DocumentStore(options).Options; // the store resolves the projections' documents; it opens no connection
    }
}
