namespace Consultation.Stakeholders;

/// <summary>Write model of a stakeholder stream: what the rules need to decide, nothing more.</summary>
public sealed record Stakeholder(string Id, StakeholderKind Kind, string Name, string? IsoCode, RegionalGroup? RegionalGroup)
{
    public static Stakeholder Create(StakeholderRegistered registered) =>
        new(registered.Key, registered.Kind, registered.Name, registered.IsoCode, registered.RegionalGroup);

    public Stakeholder Apply(StakeholderRenamed renamed) => this with { Name = renamed.Name };
}
