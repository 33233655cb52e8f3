using System.Text;
using Consultation.Positions;
using FsCheck;
using FsCheck.Fluent;
using JasperFx.Events;

namespace Consultation.Tests.Positions.Specifications;

/// <summary>
/// The position deciders are specified on the fold of <see cref="Position.Create"/> and <see cref="Position.Apply(PositionStated)"/>,
/// while production decides on <see cref="Position.From"/> the inline <see cref="PositionDetails"/> document, stored as JSON and
/// read back for writing: for any history of a position, both give the same write model, so the specifications hold for production.
/// </summary>
public sealed class PositionWriteModelSpecs
{
    private const string Key = "gcm/sovereignty/african-group";

    private static readonly ISerializer StoreSerializer = StoreSerializerAsConfigured();

    [Fact]
    public void The_write_model_from_the_stored_document_is_the_fold_of_the_events_for_any_history()
    {
        // A fixed seed, as the hostile-input corpus has: a failing history replays.
        foreach (var events in History.Sample(30, new Rnd(2017UL), 1000))
        {
            var folded = Specification.Fold<Position>(events);
            var fromDocument = Position.From(StoredAndReadBack(Project(events)));

            Assert.True(folded == fromDocument, $"History: {string.Join(" · ", events)}\nfold: {folded}\nfrom the document: {fromDocument}");
        }
    }

    /// <summary>
    /// A statement, then any run of revisions, corrections and withdrawals while it stands and re-statements once withdrawn: every
    /// stream the store can hold (the inline versions projection refuses to revise, correct or withdraw a position not standing).
    /// </summary>
    private static Gen<object[]> History =>
        from first in Stated
        from steps in (from whileStanding in Gen.OneOf(Revised, Corrected, Withdrawn) from onceWithdrawn in Stated select (whileStanding, onceWithdrawn)).ListOf()
        select Lifecycle(first, steps);

    private static object[] Lifecycle(object first, IEnumerable<(object WhileStanding, object OnceWithdrawn)> steps)
    {
        var events = new List<object> { first };
        var standing = true;
        foreach (var (whileStanding, onceWithdrawn) in steps)
        {
            var next = standing ? whileStanding : onceWithdrawn;
            events.Add(next);
            standing = next is not PositionWithdrawn;
        }

        return [.. events];
    }

    private static Gen<object> Stated =>
        from spokenBy in Gen.Elements<string?>(null, "MEX", "ZAF")
        from content in Content
        select (object)new PositionStated(Key, "gcm", "sovereignty", "african-group", spokenBy, content);

    private static Gen<object> Revised =>
        from content in Content
        from reason in Gen.Elements("Shifted after consultations", "New instructions")
        select (object)new PositionRevised(Key, content, reason);

    private static Gen<object> Corrected =>
        from content in Content
        select (object)new PositionCorrected(Key, content, "Wrong stance entered");

    private static Gen<object> Withdrawn =>
        from source in Source
        from withdrawnOn in Day
        from reason in Gen.Elements("Pending instructions", "x")
        select (object)new PositionWithdrawn(Key, source, withdrawnOn, reason);

    private static Gen<PositionContent> Content =>
        from stance in Gen.Choose(-2, 2)
        from conditions in Gen.Elements<string?>(null, "Subject to national law", "")
        from summary in Gen.Elements("Supports", "Has reservations", "Opposes, citing sovereignty")
        from quote in Gen.Elements<VerbatimQuote?>(null, new VerbatimQuote("Apoyamos", "es"), new VerbatimQuote("Nous soutenons", "fr"))
        from source in Source
        from statedOn in Day
        select new PositionContent(stance, conditions, summary, quote, source, statedOn);

    private static Gen<PositionSource> Source =>
        from meeting in Gen.Elements("stocktaking-2017", "first-round")
        from statement in Gen.Elements<string?>(null, "s1", "s12")
        from reference in Gen.Elements<string?>(null, "A/CONF.231/PM.1 §4")
        select new PositionSource(meeting, statement, reference);

    private static Gen<DateOnly> Day => Gen.Choose(0, 400).Select(days => new DateOnly(2017, 4, 6).AddDays(days));

    /// <summary>The inline projection's own Create/Apply, as Marten runs them on each appended event.</summary>
    private static PositionDetails Project(object[] events)
    {
        var projection = new PositionDetailsProjection();
        PositionDetails? details = null;
        for (var i = 0; i < events.Length; i++)
        {
            var at = new DateTimeOffset(2017, 12, 4, 9, 0, 0, TimeSpan.Zero).AddMinutes(i);
            details = events[i] switch
            {
                PositionStated e when details is null => projection.Create(Wrapped(e, i, at)),
                PositionStated e => projection.Apply(Wrapped(e, i, at), details),
                PositionRevised e => projection.Apply(Wrapped(e, i, at), details!),
                PositionCorrected e => projection.Apply(Wrapped(e, i, at), details!),
                PositionWithdrawn e => projection.Apply(Wrapped(e, i, at), details!),
                var e => throw new ArgumentException($"Not a position event: {e}"),
            };
        }

        return details!;
    }

    private static IEvent<T> Wrapped<T>(T data, int index, DateTimeOffset at)
        where T : notnull => new Event<T>(data) { Version = index + 1, Timestamp = at, StreamKey = Key };

    /// <summary>The document as a write reads it: through the JSON the store writes.</summary>
    private static PositionDetails StoredAndReadBack(PositionDetails details)
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(StoreSerializer.ToJson(details)));
        return StoreSerializer.FromJson<PositionDetails>(json);
    }

    private static ISerializer StoreSerializerAsConfigured()
    {
        var options = new StoreOptions();
        Modules.ConfigureStore(options, "Host=localhost;Database=unused", "specifications");
        return options.Serializer();
    }
}
