using Consultation.Infrastructure.Security;
using Consultation.Submissions.Batching;
using Consultation.Submissions.Correcting;
using Consultation.Submissions.Listing;
using Consultation.Submissions.Reading;
using Consultation.Submissions.Recording;
using Consultation.Submissions.Withdrawing;
using JasperFx.Events.Projections;

namespace Consultation.Submissions;

public static class SubmissionsModule
{
    public static void AddSubmissions(this StoreOptions options)
    {
        // The write model is aggregated live for FetchForWriting; declaring it keeps the readiness schema check
        // from asking for a table after the first write.
        options.Projections.LiveStreamAggregation<Submission>();
        options.Projections.Add<SubmissionDetailsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<SubmissionDetails>().Duplicate(x => x.Process);
    }

    /// <summary>Nothing of the module's own: a batch's refused items are <c>Infrastructure/Batching</c>'s <c>BatchItemsRefused</c>, mapped there.</summary>
    public static IServiceCollection AddSubmissionsServices(this IServiceCollection services) => services;

    public static void MapSubmissions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTag("Submissions", "Written submissions to a process — letters, e-mails, online forms and surveys, documents: recorded, corrected and withdrawn as events, singly or in batches; positions may cite them.");
        var record = group.For(Access.Record);
        var read = group.For(Access.Read);
        RecordSubmission.Map(record);
        RecordSubmissionsInBatch.Map(record);
        ListSubmissions.Map(read);
        GetSubmission.Map(read);
        CorrectSubmission.Map(record);
        WithdrawSubmission.Map(record);
    }
}
