namespace Consultation.Submissions;

/// <summary>Write model of a submission stream (key <c>{process}/submission:{submission}</c>): what its rules need to decide.</summary>
public sealed record Submission(string Id, string Process, SubmissionContent Content, bool Withdrawn)
{
    /// <summary>
    /// The stream key of a submission: <c>gcm/submission:mex-2017-10</c>. The colon keeps it apart from every other kind's
    /// key (a slug has none): no meeting, position or area key can name a submission's stream, nor a submission key theirs.
    /// </summary>
    public static string KeyOf(string process, string submission) => $"{process}/submission:{submission}";

    public static Submission Create(SubmissionRecorded e) => new(e.Key, e.Process, e.Content, false);

    public Submission Apply(SubmissionCorrected e) => this with { Content = e.Content };

    public Submission Apply(SubmissionWithdrawn e) => this with { Withdrawn = true };
}
