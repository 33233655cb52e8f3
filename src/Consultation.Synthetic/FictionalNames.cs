namespace Consultation.Synthetic;

/// <summary>Invented names for the fictional States: no real country is meant.</summary>
public static class FictionalNames
{
    private static readonly string[] NameStarts =
    [
        "Al", "Bor", "Cal", "Dun", "El", "Fen", "Gal", "Hal", "Is", "Jor", "Kel", "Lor", "Mar", "Nor", "Or", "Pel", "Quar", "Ros",
        "Sal", "Tor", "Ul", "Val", "Wes", "Xan", "Yor", "Zel",
    ];

    private static readonly string[] NameEnds =
    [
        "adia", "boria", "carra", "donia", "estan", "feria", "gania", "helm", "islia", "jara", "kovia", "landia", "maria", "nesia",
        "oria", "pania", "quia", "rovia", "stria", "tania", "ugal", "varia", "wick", "xia", "yssia", "zonia",
    ];

    /// <summary>The user-assigned ISO-style code of the i-th fictional State: XAA, XAB, … skipping XK* and XX* (in informal use).</summary>
    public static string StateCode(int index)
    {
        var letters = "ABCDEFGHIJLMNOPQRSTUVWYZ"; // no K, no X in the second letter
        return string.Create(CultureInfo.InvariantCulture, $"X{letters[index / 26]}{(char)('A' + (index % 26))}");
    }

    public static string StateName(int index) => $"Republic of {NameStarts[(index / 26) % 26]}{NameEnds[index % 26]}";
}
