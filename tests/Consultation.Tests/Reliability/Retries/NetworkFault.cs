namespace Consultation.Tests.Reliability.Retries;

/// <summary>What the network does to one request of a retrying client.</summary>
public enum NetworkFault
{
    /// <summary>Delivered, answered, answer received.</summary>
    None,

    /// <summary>Delivered and answered in full, but the connection drops before the client reads the answer.</summary>
    DroppedResponse,

    /// <summary>The client gives up waiting after a few milliseconds, whatever the server is doing (it may still commit).</summary>
    Timeout,
}
