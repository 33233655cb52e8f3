namespace Consultation.Tests.Stakeholders;

/// <summary>Request bodies as a client would send them.</summary>
public static class StakeholderRequests
{
    public static object MemberState(string key, string name, string regionalGroup = "LatinAmericanAndCaribbean") =>
        new { key, kind = "MemberState", name, regionalGroup };

    public static object Other(string key, string kind, string name) => new { key, kind, name };
}
