using System.Collections.Concurrent;
using System.Reflection;

namespace Consultation.Audit.Replaying;

/// <summary>
/// Whether an endpoint answers as of a recorded moment: its handler binds an <c>asOf</c> parameter (directly or as a
/// property of an <c>[AsParameters]</c> type). Read from the endpoint's metadata (the handler's <see cref="MethodInfo"/>),
/// so a new slice that takes <c>asOf</c> supports <c>asOfSequence</c> with no change here or in the slice.
/// </summary>
public static class AsOfSupport
{
    public const string AsOfParameter = "asOf";

    private static readonly ConcurrentDictionary<(Endpoint, string), bool> Known = new();

    public static bool Answers(Endpoint endpoint) => Binds(endpoint, AsOfParameter);

    public static bool Answers(IEnumerable<object> metadata) => Binds(metadata, AsOfParameter);

    /// <summary>Whether the endpoint's handler binds a parameter named <paramref name="name"/> (case-insensitive).</summary>
    public static bool Binds(Endpoint endpoint, string name) => Known.GetOrAdd((endpoint, name), k => Binds(k.Item1.Metadata, k.Item2));

    /// <summary>Whether the endpoint has a handler whose parameters can be read (a minimal API endpoint; not a page).</summary>
    public static bool HasHandler(Endpoint endpoint) => endpoint.Metadata.OfType<MethodInfo>().Any();

    public static bool Binds(IEnumerable<object> metadata, string name) =>
        metadata.OfType<MethodInfo>().LastOrDefault() is { } handler && handler.GetParameters().Any(p => Binds(p, name));

    private static bool Binds(ParameterInfo parameter, string name) =>
        Is(parameter.Name, name)
        || (parameter.GetCustomAttribute<AsParametersAttribute>() is not null
            && parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => Is(p.Name, name)));

    private static bool Is(string? given, string name) => string.Equals(given, name, StringComparison.OrdinalIgnoreCase);
}
