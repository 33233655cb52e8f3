namespace Consultation.WriteBudgets;

/// <summary>
/// An administrator granted <see cref="User"/> a budget of writes per window in place of the configured one, valid until
/// <see cref="Until"/>, and said why; who granted it is the event's user. A later grant to the same user replaces it.
/// </summary>
public sealed record WriteBudgetGranted(string User, int WritesPerWindow, DateTimeOffset Until, string Reason);

/// <summary>An administrator withdrew <see cref="User"/>'s grant before its end, with the reason: the configured budget applies again.</summary>
public sealed record WriteBudgetWithdrawn(string User, string Reason);
