using System.Globalization;
using System.Text;

namespace Consultation.Audit;

/// <summary>The kinds of stream, told apart by the shape of their keys (and, for the one-segment keys, by their first event).</summary>
public enum StreamKind
{
    Stakeholder,
    Process,
    Meeting,
    Position,
    Area,
    Settings,
    Audit,

    /// <summary>Marten's <c>mt_tombstone</c> stream: placeholders for sequence numbers a failed append had reserved (no application data).</summary>
    Reserved,

    /// <summary>A written submission to a process: <c>gcm/submission:mex-2017-10</c>.</summary>
    Submission,
}

/// <summary>A validated filter over the global event log.</summary>
public sealed record AuditFilter(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? User,
    string? Type,
    string? Process,
    StreamKind? StreamKind,
    long AfterSequence,
    int? Limit)
{
    public AuditFilterApplied ToApplied() =>
        new(From, To, User, Type, Process, StreamKind?.ToString().ToLowerInvariant(), AfterSequence == 0 ? null : AfterSequence, Limit);
}

/// <summary>The global log's query string, as given (strings, so each bad value gets its own 400 message).</summary>
public abstract record AuditFilterRequest
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;
    public const int MaxUserLength = 200;

    public string? From { get; set; }

    public string? To { get; set; }

    public string? User { get; set; }

    public string? Type { get; set; }

    public string? Process { get; set; }

    public string? StreamKind { get; set; }

    public string? AfterSequence { get; set; }

    public string? Limit { get; set; }

    public AuditFilter ToFilter(int? defaultLimit) => new(
        ParseTimestamp(From),
        ParseTimestamp(To),
        string.IsNullOrEmpty(User) ? null : User,
        string.IsNullOrEmpty(Type) ? null : EventTypeName(Type),
        string.IsNullOrEmpty(Process) ? null : Process,
        ParseKind(StreamKind),
        string.IsNullOrEmpty(AfterSequence) ? 0 : long.Parse(AfterSequence, NumberStyles.None, CultureInfo.InvariantCulture),
        string.IsNullOrEmpty(Limit) ? defaultLimit : int.Parse(Limit, NumberStyles.None, CultureInfo.InvariantCulture));

    public static bool IsTimestamp(string? value) => string.IsNullOrEmpty(value) || ParseTimestamp(value) is not null;

    public static DateTimeOffset? ParseTimestamp(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length >= 10 && char.IsAsciiDigit(value[0])
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    public static StreamKind? ParseKind(string? value) =>
        !string.IsNullOrEmpty(value) && value.All(char.IsAsciiLetter) && Enum.TryParse<StreamKind>(value, ignoreCase: true, out var kind) ? kind : null;

    /// <summary>Event types are stored under Marten's alias (<c>position_stated</c>); the .NET name (<c>PositionStated</c>) is accepted too.</summary>
    public static string EventTypeName(string value)
    {
        if (!value.Any(char.IsAsciiLetterUpper))
        {
            return value;
        }

        var alias = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsAsciiLetterUpper(value[i]) && i > 0 && value[i - 1] != '_')
            {
                alias.Append('_');
            }

            alias.Append(char.ToLowerInvariant(value[i]));
        }

        return alias.ToString();
    }
}

/// <summary>Rules every audit filter follows; the constructor's <c>maxLimit</c> bounds a page (null: an export may be unbounded).</summary>
public abstract class AuditFilterRules<T> : AbstractValidator<T>
    where T : AuditFilterRequest
{
    protected AuditFilterRules(int? maxLimit)
    {
        const string timestamp = "'{PropertyName}' must be an ISO 8601 timestamp (e.g. 2017-12-05T10:00:00Z or 2017-12-05).";
        RuleFor(x => x.From).Must(AuditFilterRequest.IsTimestamp).WithMessage(timestamp);
        RuleFor(x => x.To).Must(AuditFilterRequest.IsTimestamp).WithMessage(timestamp);
        RuleFor(x => x.To)
            .Must((x, to) => AuditFilterRequest.ParseTimestamp(to) > AuditFilterRequest.ParseTimestamp(x.From))
            .When(x => AuditFilterRequest.ParseTimestamp(x.From) is not null && AuditFilterRequest.ParseTimestamp(x.To) is not null)
            .WithMessage("'To' must be after 'From' (the range includes 'from' and excludes 'to').");
        RuleFor(x => x.User).MaximumLength(AuditFilterRequest.MaxUserLength);
        RuleFor(x => x.Type)
            .Must(t => string.IsNullOrEmpty(t) || (t.Length <= 200 && char.IsAsciiLetter(t[0]) && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
            .WithMessage("'{PropertyName}' must be an event type name, e.g. 'position_stated' or 'PositionStated'.");
        RuleFor(x => x.Process)
            .Must(p => string.IsNullOrEmpty(p) || StreamKeys.IsSlug(p))
            .WithMessage("'{PropertyName}' must be a process key: " + StreamKeys.SlugRule + ".");
        RuleFor(x => x.StreamKind)
            .Must(k => string.IsNullOrEmpty(k) || AuditFilterRequest.ParseKind(k) is not null)
            .WithMessage("'{PropertyName}' must be one of: stakeholder, process, meeting, submission, position, area, settings, audit, reserved.");
        RuleFor(x => x.AfterSequence)
            .Must(s => string.IsNullOrEmpty(s) || long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage("'{PropertyName}' must be a global sequence number (0 or more).");
        RuleFor(x => x.Limit)
            .Must(s => string.IsNullOrEmpty(s)
                || (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && (maxLimit is null || n <= maxLimit)))
            .WithMessage(maxLimit is null ? "'{PropertyName}' must be a positive number." : $"'{{PropertyName}}' must be between 1 and {maxLimit}.");
    }
}
