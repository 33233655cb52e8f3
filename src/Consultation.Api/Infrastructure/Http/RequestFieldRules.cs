using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// The validation rules of every type a request body binds to (and the objects nested in it), read from the registered
/// validators, for the OpenAPI document. A body type is described by its own validators (a slice's <c>Request</c>, which the
/// pipeline validates for the command made from it: <see cref="IFromRequest{TRequest}"/>). Nested objects take the rules
/// addressed to them (<c>venue.city</c>) and their own validators'.
/// </summary>
public sealed class RequestFieldRules(IServiceProvider services)
{
    private const int MaxDepth = 6;
    private readonly Lazy<IReadOnlyDictionary<Type, IReadOnlyDictionary<string, FieldRule>>> _rules = new(() => Build(services));

    /// <summary>The rules by JSON property name, or null when the type is not part of a request body.</summary>
    public IReadOnlyDictionary<string, FieldRule>? For(Type type) => _rules.Value.GetValueOrDefault(type);

    private static IReadOnlyDictionary<Type, IReadOnlyDictionary<string, FieldRule>> Build(IServiceProvider services)
    {
        var found = new Dictionary<Type, Dictionary<string, FieldRule>>();
        var bodies = services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>())
            .Select(a => a.RequestType)
            .OfType<Type>()
            .Select(t => Nullable.GetUnderlyingType(t) ?? t)
            .Distinct();
        foreach (var body in bodies)
        {
            Visit(body, FieldRules.Of(OwnValidators(body, services)), found, services, depth: 0);
        }

        return found.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, FieldRule>)p.Value);
    }

    private static void Visit(Type type, IReadOnlyDictionary<string, FieldRule> rules, Dictionary<Type, Dictionary<string, FieldRule>> found, IServiceProvider services, int depth)
    {
        if (!IsObject(type) || depth > MaxDepth)
        {
            return;
        }

        var known = found.TryGetValue(type, out var existing) ? existing : found[type] = new Dictionary<string, FieldRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, rule) in rules.Where(r => !r.Key.Contains('.', StringComparison.Ordinal)))
        {
            known[path] = known.TryGetValue(path, out var before) ? before.And(rule) : rule;
        }

        foreach (var property in PropertiesOf(type))
        {
            var child = ElementOrSelf(property.PropertyType);
            if (!IsObject(child))
            {
                continue;
            }

            var prefix = JsonNamingPolicy.CamelCase.ConvertName(property.Name) + ".";
            var childRules = new Dictionary<string, FieldRule>(FieldRules.Of(OwnValidators(child, services)), StringComparer.OrdinalIgnoreCase);
            foreach (var (path, rule) in rules.Where(r => r.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                var rest = path[prefix.Length..];
                childRules[rest] = childRules.TryGetValue(rest, out var before) ? before.And(rule) : rule;
            }

            Visit(child, childRules, found, services, depth + 1);
        }
    }

    private static IEnumerable<IValidator> OwnValidators(Type type, IServiceProvider services) =>
        services.GetServices(typeof(IValidator<>).MakeGenericType(type)).OfType<IValidator>();

    private static IEnumerable<PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    private static Type ElementOrSelf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return type;
        }

        var element = type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is null ? type : Nullable.GetUnderlyingType(element) ?? element;
    }

    private static bool IsObject(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);
}
