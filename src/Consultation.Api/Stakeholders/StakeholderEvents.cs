namespace Consultation.Stakeholders;

/// <summary>A stakeholder entered the registry. States are keyed by their ISO 3166-1 alpha-3 code.</summary>
public sealed record StakeholderRegistered(
    string Key,
    StakeholderKind Kind,
    string Name,
    string? IsoCode,
    RegionalGroup? RegionalGroup);

/// <summary>The stakeholder's name changed (a real renaming, or a fix of how it was recorded).</summary>
public sealed record StakeholderRenamed(string Key, string PreviousName, string Name, string Reason);
