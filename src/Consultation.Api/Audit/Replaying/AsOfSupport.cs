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

    private static readonly ConcurrentDictionary<Endpoint, bool> Known = new();

    public static bool Answers(Endpoint endpoint) => Known.GetOrAdd(endpoint, e => Answers(e.Metadata));

    public static bool Answers(IEnumerable<object> metadata) =>
        metadata.OfType<MethodInfo>().LastOrDefault() is { } handler && handler.GetParameters().Any(BindsAsOf);

    private static bool BindsAsOf(ParameterInfo parameter) =>
        IsAsOf(parameter.Name)
        || (parameter.GetCustomAttribute<AsParametersAttribute>() is not null
            && parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => IsAsOf(p.Name)));

    private static bool IsAsOf(string? name) => string.Equals(name, AsOfParameter, StringComparison.OrdinalIgnoreCase);
}
