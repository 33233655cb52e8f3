using Consultation.Positions;

namespace Consultation.Tests.Reliability.Outage;

/// <summary>One write a client must get recorded: a stating or a batch, with its own Idempotency-Key, and the position streams it creates.</summary>
public sealed record KeyedWrite(string Url, object Body, string Key, IReadOnlyList<string> Streams)
{
    public static readonly string[] Issues = ["mobility", "returns", "labour", "remittances", "smuggling"];

    public static KeyedWrite Stating(string process, string issue, string stakeholder) =>
        new(
            $"/processes/{process}/issues/{issue}/positions",
            new { stakeholder, stance = 1, summary = $"Stated by {stakeholder} on {issue}", meeting = "stocktaking-2017", statedOn = "2017-12-05" },
            Guid.NewGuid().ToString(),
            [Position.KeyFor(process, issue, stakeholder)]);

    public static KeyedWrite Batch(string process, string stakeholder) =>
        new(
            $"/processes/{process}/positions/batch",
            new { items = Issues.Select(issue => new { issue, stakeholder, stance = 2, summary = $"Batch of {stakeholder}", meeting = "stocktaking-2017", statedOn = "2017-12-05" }) },
            Guid.NewGuid().ToString(),
            [.. Issues.Select(issue => Position.KeyFor(process, issue, stakeholder))]);
}
