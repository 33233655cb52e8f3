using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Weasel.Core;

namespace Consultation.Infrastructure.EventStore;

/// <summary>
/// How the store writes documents and events as JSON (<see cref="EventStoreSetup.ConfigureStore"/> configures it from
/// these), and the JSON names of members derived from the code, for the SQL a module writes by hand: a renamed member
/// renames the field in the query, instead of the query silently reading nothing. Names come from System.Text.Json's own
/// contract under the store's naming policy, so <c>[JsonPropertyName]</c> is honoured and a <c>[JsonIgnore]</c>d member
/// (not in the document) is refused.
/// </summary>
public static class StoredJson
{
    public const Casing Casing = Weasel.Core.Casing.CamelCase;

    public const EnumStorage Enums = EnumStorage.AsString;

    private static readonly JsonSerializerOptions Contract = new()
    {
        // The policy Marten's SystemTextJsonSerializer derives from Casing.
        PropertyNamingPolicy = Casing switch
        {
            Weasel.Core.Casing.CamelCase => JsonNamingPolicy.CamelCase,
            Weasel.Core.Casing.SnakeCase => JsonNamingPolicy.SnakeCaseLower,
            _ => null,
        },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly ConcurrentDictionary<(Type, string), string> Cache = new();

    /// <summary>The JSON name of one member of <typeparamref name="T"/>: <c>x =&gt; x.StartsOn</c> is <c>startsOn</c>.</summary>
    public static string Name<T>(Expression<Func<T, object?>> member) => Names(member) switch
    {
        [var single] => single,
        var path => throw new ArgumentException($"One member expected, got the path {string.Join('.', path)}; use Json or Text for a path.", nameof(member)),
    };

    /// <summary>The JSON name of the member called <paramref name="memberName"/> on <paramref name="type"/>.</summary>
    public static string Name(Type type, string memberName) =>
        Cache.GetOrAdd((type, memberName), static key =>
        {
            var (type, memberName) = key;
            var info = Contract.GetTypeInfo(type);
            return info.Properties.SingleOrDefault(p => p.Get is not null && p.AttributeProvider is MemberInfo m && m.Name == memberName)?.Name
                ?? throw new ArgumentException($"{type.Name}.{memberName} is not written to the store's JSON (no such member, or ignored).");
        });

    /// <summary>The JSON name of a member as the store writes it, for any type's member called <paramref name="memberName"/> (a convention several types share, like every event's reason).</summary>
    public static string NameOf(string memberName) => Contract.PropertyNamingPolicy?.ConvertName(memberName) ?? memberName;

    /// <summary>
    /// The jsonb value at a member (path) of the JSON in <paramref name="source"/>: <c>Json&lt;T&gt;("d.data", x =&gt; x.Groups)</c>
    /// is <c>d.data -&gt; 'groups'</c>; a nested path (<c>x =&gt; x.Venue.City</c>) is <c>d.data -&gt; 'venue' -&gt; 'city'</c>.
    /// </summary>
    public static string Json<T>(string source, Expression<Func<T, object?>> path) =>
        source + string.Concat(Names(path).Select(n => $" -> {Literal(n)}"));

    /// <summary>The text at a member (path) of the JSON in <paramref name="source"/>: <c>d.data -&gt; 'venue' -&gt;&gt; 'city'</c>.</summary>
    public static string Text<T>(string source, Expression<Func<T, object?>> path)
    {
        var names = Names(path);
        return source + string.Concat(names[..^1].Select(n => $" -> {Literal(n)}")) + $" ->> {Literal(names[^1])}";
    }

    /// <summary>The member's JSON name as an SQL string literal: <c>'startsOn'</c> (a key of <c>jsonb_build_object</c>, say).</summary>
    public static string Key<T>(Expression<Func<T, object?>> member) => Literal(Name(member));

    /// <summary>The member's JSON name as a quoted SQL identifier: <c>"startsOn"</c> (a column of <c>jsonb_to_record</c>).</summary>
    public static string Column<T>(Expression<Func<T, object?>> member) => $"\"{Name(member)}\"";

    private static string Literal(string name) => $"'{name.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string[] Names<T>(Expression<Func<T, object?>> path)
    {
        var members = new List<(Type Owner, string Name)>();
        var node = path.Body;
        while (true)
        {
            switch (node)
            {
                case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert:
                    node = convert.Operand;
                    continue;
                case MemberExpression { Member: PropertyInfo or FieldInfo, Expression: { } owner } member:
                    members.Add((owner.Type, member.Member.Name));
                    node = member.Expression;
                    continue;
                case ParameterExpression:
                    break;
                default:
                    throw new ArgumentException($"Members only, as in x => x.A.B; got {path}.", nameof(path));
            }

            break;
        }

        members.Reverse();
        return members.Count == 0
            ? throw new ArgumentException($"A member expected; got {path}.", nameof(path))
            : [.. members.Select(m => Name(m.Owner, m.Name))];
    }
}
