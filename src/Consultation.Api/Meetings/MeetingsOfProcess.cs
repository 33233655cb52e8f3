using System.Linq.Expressions;

namespace Consultation.Meetings;

/// <summary>A meeting in a list: what a calendar shows, without the statements.</summary>
public sealed record MeetingSummary
{
    /// <summary>The stream key, <c>{process}/{meeting}</c>.</summary>
    public required string Id { get; init; }

    public required string Process { get; init; }

    public required string Meeting { get; init; }

    public MeetingKind Kind { get; init; }

    public required string Title { get; init; }

    public required Venue Venue { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly EndsOn { get; init; }

    public MeetingStatus Status { get; init; }

    public int ParticipantCount { get; init; }

    public int StatementCount { get; init; }

    public long Version { get; init; }
}

/// <summary>
/// The meetings of a process in calendar order (start date, end date, key), answered by the database from the columns of the
/// inline <see cref="MeetingDetails"/> documents' table (<see cref="SummaryColumns"/>), never from the documents: each carries
/// every statement said at the meeting (hundreds of kilobytes), and reading a field of it fetches and decompresses all of it.
/// For lists and for the process overview.
/// </summary>
public sealed class MeetingsOfProcess(IQuerySession session)
{
    /// <summary>The meetings of <paramref name="process"/>, as a query to filter further.</summary>
    public IQueryable<MeetingDetails> Of(string process) => session.Query<MeetingDetails>().Where(x => x.Process == process);

    /// <summary>All meetings of <paramref name="process"/> (cancelled ones included, with their status), by date.</summary>
    public async Task<IReadOnlyList<MeetingSummary>> ByDateAsync(string process, CancellationToken cancellationToken) =>
        await Summaries(InCalendarOrder(Of(process))).ToListAsync(cancellationToken);

    /// <summary>One page of <paramref name="meetings"/>, by date.</summary>
    public static async Task<Page<MeetingSummary>> PageAsync(IQueryable<MeetingDetails> meetings, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await meetings.CountAsync(cancellationToken);
        var items = await Summaries(InCalendarOrder(meetings).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new Page<MeetingSummary>([.. items], page, pageSize, total);
    }

    public static IQueryable<MeetingDetails> InCalendarOrder(IQueryable<MeetingDetails> meetings) =>
        meetings.OrderBy(x => x.StartsOn).ThenBy(x => x.EndsOn).ThenBy(x => x.Id);

    /// <summary>Only the summary fields travel from the database, read from their columns.</summary>
    public static IQueryable<MeetingSummary> Summaries(IQueryable<MeetingDetails> meetings) => meetings.Select(Summary);

    /// <summary>
    /// The members <see cref="Summary"/> reads besides the id and the process, each kept in a column of its own
    /// (<see cref="MeetingsModule"/>); Marten's LINQ reads a duplicated member from its column. The venue is read by its
    /// parts: the venue as a whole would be a field of the document.
    /// </summary>
    public static readonly Expression<Func<MeetingDetails, object?>>[] SummaryColumns =
    [
        x => x.Meeting,
        x => x.Kind,
        x => x.Title,
        x => x.Venue.City,
        x => x.Venue.Country,
        x => x.StartsOn,
        x => x.EndsOn,
        x => x.Status,
        x => x.ParticipantCount,
        x => x.StatementCount,
        x => x.Version,
    ];

    /// <summary>A meeting as a list shows it.</summary>
    public static readonly Expression<Func<MeetingDetails, MeetingSummary>> Summary = x => new MeetingSummary
    {
        Id = x.Id,
        Process = x.Process,
        Meeting = x.Meeting,
        Kind = x.Kind,
        Title = x.Title,
        Venue = new Venue(x.Venue.City, x.Venue.Country),
        StartsOn = x.StartsOn,
        EndsOn = x.EndsOn,
        Status = x.Status,
        ParticipantCount = x.ParticipantCount,
        StatementCount = x.StatementCount,
        Version = x.Version,
    };
}
