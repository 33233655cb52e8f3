namespace Consultation.Infrastructure.Pipeline;

/// <summary>
/// The headers <see cref="EventMetadataBehavior{TMessage, TResponse}"/> stamps on every event, by the key they are stored
/// under in <c>mt_events.headers</c> (keys are written as given, not re-cased); SQL reading them uses these.
/// </summary>
public static class EventHeaders
{
    /// <summary>The use case that appended the event (<c>RenameStakeholder</c>).</summary>
    public const string Command = "command";

    /// <summary>The role the user acted in.</summary>
    public const string Role = "role";

    /// <summary>The user's display name.</summary>
    public const string DisplayName = "displayName";
}
