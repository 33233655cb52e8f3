namespace Consultation.Infrastructure.Pipeline;

/// <summary>
/// Marks a message property holding a process key under another name than <c>Process</c> (e.g. <c>AccreditedTo</c>), so
/// <see cref="ProcessScopeBehavior{TMessage,TResponse}"/> checks it against the user's processes. Properties named
/// <c>Process</c> are checked without it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NamesProcessAttribute : Attribute;

/// <summary>
/// A message naming processes deeper than its own properties (a batch's items), so
/// <see cref="ProcessScopeBehavior{TMessage,TResponse}"/> checks each of <see cref="NamedProcesses"/> against the user's processes.
/// </summary>
public interface INamesProcesses
{
    IEnumerable<string> NamedProcesses { get; }
}
