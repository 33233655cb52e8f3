using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Live;
using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Positions.Views;
using Consultation.Processes;

namespace Consultation.Convergence.Summaries;

/// <summary>
/// What a read of a whole process's convergence (the dashboard, the opinion groups) reads first, in one round trip: the
/// freshness, the process, its convergence settings and meeting closes as of the moment asked, and — for the record now —
/// which kept measures changed since they were measured (<see cref="LiveMeasures.Enlist"/>, handed on in <see cref="Live"/>).
/// </summary>
public sealed record ProcessReadStart(ProcessDetails Process, ConvergenceSettings Settings, IReadOnlyList<MeetingClose> Closes, Freshness Freshness, LiveRead Live)
{
    public static async Task<ProcessReadStart> ReadAsync(IQuerySession session, LiveMeasures live, string process, TimeAxes axes, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var freshness = Freshness.Enlist(batch, session.DocumentStore, axes.AsOf);
        var details = batch.Load<ProcessDetails>(process);
        var settings = MeasureInputs.Settings(batch, process, axes.AsOf);
        var closes = ClosedMeetings.Enlist(batch, session.DocumentStore, process, axes.AsOf);
        var read = new LiveRead();
        if (axes.AsOf is null)
        {
            live.Enlist(batch, session.DocumentStore, process, read);
        }

        await batch.Execute(cancellationToken);
        return new(MeasureInputs.Require(await details, process, null), await settings(), await closes(), await freshness(), read);
    }
}
