namespace Consultation.Meetings;

/// <summary>A venue as clients send it.</summary>
public sealed record VenueRequest(string? City, string? Country)
{
    public Venue ToVenue() => new(City!.Trim(), Country);
}

public static class VenueRules
{
    public const int CityMaxLength = 100;

    /// <summary>
    /// A venue, when given, needs a city; the country, when given, is an ISO 3166-1 alpha-3 code (e.g. MEX).
    /// Errors are reported as <c>venue.city</c> and <c>venue.country</c>.
    /// </summary>
    public static void ValidVenue<T>(this AbstractValidator<T> validator, Func<T, VenueRequest?> venue)
    {
        validator.RuleFor(x => venue(x)!.City)
            .SingleLine(CityMaxLength)
            .OverridePropertyName("venue.city")
            .When(x => venue(x) is not null);
        validator.RuleFor(x => venue(x)!.Country)
            .Must(StreamKeys.IsIsoAlpha3)
            .WithMessage("'venue.country' must be an ISO 3166-1 alpha-3 code in capitals (e.g. 'MEX').")
            .OverridePropertyName("venue.country")
            .When(x => venue(x)?.Country is not null);
    }
}
