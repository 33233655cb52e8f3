using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// The validation rules of every type a request body binds to (and the objects nested in it), read from the registered
/// validators, for the OpenAPI document. A body type is described by its own validator (a slice's <c>Request</c>, which the
/// pipeline validates for the command made from it: <see cref="IFromRequest{TRequest}"/>), else by the validator of the type
/// named in <see cref="ValidatedAsAttribute"/>, else by the validators beside it in its slice (a slice whose validator checks
/// its <c>Command</c>, field for field by name). Nested objects take the rules addressed to them (<c>venue.city</c>) and
/// their own validators'.
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
            Visit(body, RulesDescribing(body, services), found, services, depth: 0);
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

    private static IReadOnlyDictionary<string, FieldRule> RulesDescribing(Type type, IServiceProvider services)
    {
        var own = OwnValidators(type, services).ToList();
        if (own.Count > 0)
        {
            return FieldRules.Of(own);
        }

        var names = PropertiesOf(type).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var siblings = (type.DeclaringType?.GetNestedTypes() ?? [])
            .Select(ValidatedTypeOf)
            .OfType<Type>()
            .SelectMany(validated => OwnValidators(validated, services));
        return FieldRules.Of(siblings)
            .Where(r => names.Contains(r.Key.Split('.')[0]))
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The validators of the type itself, or of the type it is validated as.</summary>
    private static IEnumerable<IValidator> OwnValidators(Type type, IServiceProvider services) =>
        services.GetServices(typeof(IValidator<>).MakeGenericType(type)).OfType<IValidator>()
            .Concat(type.GetCustomAttribute<ValidatedAsAttribute>() is { } validatedAs
                ? services.GetServices(typeof(IValidator<>).MakeGenericType(validatedAs.ValidatedType)).OfType<IValidator>()
                : []);

    private static Type? ValidatedTypeOf(Type candidate)
    {
        for (var type = candidate; type is not null && type != typeof(object); type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>) && !candidate.IsAbstract)
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

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
