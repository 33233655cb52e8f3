namespace Consultation.Infrastructure.EventStore;

/// <summary>
/// Marks the event that begins a stream of one kind of record ("process", "stakeholder", …), so a refusal can name the
/// kind that owns a key (<see cref="NewStreams"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StartsStreamOfAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
}
