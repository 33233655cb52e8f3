using System.Reflection;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// Who may send a command through the API, read from the endpoints themselves: the <see cref="Access"/> of the endpoint
/// mapped by the command's slice (the use-case class it is nested in, e.g. <c>NoteDivergence</c>). Work the service does on
/// its own (seeding) records the role a person would have used for the same write, so no event claims a role that could
/// not have written it.
/// </summary>
public sealed class CommandAccess
{
    // The application's own endpoint sources: the routing service's composite is filled only once the server starts,
    // after the seeds load at start-up (and never for command-line runs).
    private IReadOnlyList<EndpointDataSource> _sources = [];

    /// <summary>Called once the endpoints are mapped (<c>MapConsultationEndpoints</c>).</summary>
    public void ReadFrom(IEnumerable<EndpointDataSource> sources) => _sources = [.. sources];

    /// <summary>The access of the write endpoint that sends <paramref name="command"/>; throws when the API has none.</summary>
    public Access Of(Type command)
    {
        var slice = EndpointSlice.Of(command);
        var found = _sources.SelectMany(s => s.Endpoints)
            .Where(e => EndpointSlice.Of(e) == slice && !IsRead(e))
            .Select(e => e.Metadata.GetMetadata<Access>())
            .OfType<Access>()
            .Distinct()
            .ToList();
        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException(found.Count == 0
                ? $"No endpoint of the API sends {slice.Name}'s command, so no role may perform it."
                : $"The endpoints of {slice.Name} differ in who may call them ({string.Join(", ", found.Select(a => a.Policy))}).");
    }

    /// <summary>The role a person would have used: the first role the endpoint allows.</summary>
    public string RoleFor(Type command) => Of(command).Roles[0];

    private static bool IsRead(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods && methods.All(m => m is "GET" or "HEAD");
}

/// <summary>
/// The slice an endpoint belongs to: the outermost class around its handler, or, for endpoints mapped by a shared helper
/// (<c>MapUpdate</c>), the slice the helper was given.
/// </summary>
public sealed record EndpointSlice(Type Slice)
{
    public static Type Of(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    public static Type? Of(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<EndpointSlice>()?.Slice
        ?? (endpoint.Metadata.GetMetadata<MethodInfo>()?.DeclaringType is { } handler ? Of(handler) : null);
}
