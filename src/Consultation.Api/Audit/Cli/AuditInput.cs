using JasperFx.CommandLine;

namespace Consultation.Audit.Cli;

public enum AuditAction
{
    /// <summary>Recompute the hash chain and compare the projections with a rebuild.</summary>
    Verify,

    /// <summary>Print the head of the hash chain (sequence, hash, time) to record outside the system.</summary>
    Attest,

    /// <summary>Write a filtered range of the log as NDJSON or CSV.</summary>
    Export,

    /// <summary>Print the convergence of a process as of a recorded moment or a global sequence.</summary>
    Replay,

    /// <summary>Rebuild every projection from the events, with progress.</summary>
    Rebuild,
}

public sealed class AuditInput : NetCoreInput
{
    [Description("verify | attest | export | replay | rebuild (any case)")]
    public string Action { get; set; } = string.Empty;

    [Description("export: from this recorded time, inclusive (ISO 8601)")]
    [FlagAlias("from", true)]
    public string? FromFlag { get; set; }

    [Description("export: up to this recorded time, exclusive (ISO 8601)")]
    [FlagAlias("to", true)]
    public string? ToFlag { get; set; }

    [Description("export: ndjson (default) or csv")]
    [FlagAlias("format", true)]
    public string? FormatFlag { get; set; }

    [Description("export: write to this file instead of standard output")]
    [FlagAlias("output", 'o')]
    public string? OutputFlag { get; set; }

    [Description("export: only events recorded by this user")]
    [FlagAlias("user", true)]
    public string? UserFlag { get; set; }

    [Description("export: only events of this type (position_stated or PositionStated)")]
    [FlagAlias("type", true)]
    public string? TypeFlag { get; set; }

    [Description("export, replay: the process key")]
    [FlagAlias("process", 'p')]
    public string? ProcessFlag { get; set; }

    [Description("export: stakeholder | process | meeting | position | area | settings | audit")]
    [FlagAlias("stream-kind", true)]
    public string? StreamKindFlag { get; set; }

    [Description("replay: the recorded moment (ISO 8601)")]
    [FlagAlias("as-of", true)]
    public string? AsOfFlag { get; set; }

    [Description("replay: the global sequence number of the last event to count")]
    [FlagAlias("as-of-sequence", true)]
    public long? AsOfSequenceFlag { get; set; }

    [Description("verify: an attested head's sequence, to prove nothing up to it changed")]
    [FlagAlias("head-sequence", true)]
    public long? HeadSequenceFlag { get; set; }

    [Description("verify: the attested head's hash (hex)")]
    [FlagAlias("head-hash", true)]
    public string? HeadHashFlag { get; set; }

    [Description("verify: only the hash chain")]
    [FlagAlias("chain-only", true)]
    public bool ChainOnlyFlag { get; set; }

    [Description("verify: only the projections")]
    [FlagAlias("projections-only", true)]
    public bool ProjectionsOnlyFlag { get; set; }

    [Description("print the result as JSON instead of text")]
    [FlagAlias("json", true)]
    public bool JsonFlag { get; set; }
}
