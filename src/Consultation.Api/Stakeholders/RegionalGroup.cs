namespace Consultation.Stakeholders;

/// <summary>The five United Nations regional groups: the declared groups of Member States.</summary>
public enum RegionalGroup
{
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanAndCaribbean,
    WesternEuropeanAndOthers,
}
