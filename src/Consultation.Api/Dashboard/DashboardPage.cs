using Consultation.Convergence.Summaries;
using Consultation.Dashboard.Moments;
using Consultation.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Consultation.Dashboard;

/// <summary>
/// What every page shares: the request, the Mediator the API's endpoints use, the moment the page shows
/// (<see cref="Moment"/>), and a refusal that becomes the page's status (404 for an unknown process, issue, area…; 400
/// for a bad query value) instead of an error.
/// </summary>
public abstract class DashboardPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext Http { get; set; } = default!;

    [Inject]
    public IMediator Mediator { get; set; } = default!;

    [Inject]
    public IAuthorizationService Authorization { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "asOf")]
    public string? AsOfParameter { get; set; }

    [SupplyParameterFromQuery(Name = "on")]
    public string? OnParameter { get; set; }

    [SupplyParameterFromQuery(Name = "atClose")]
    public string? AtCloseParameter { get; set; }

    [SupplyParameterFromQuery(Name = "timeline")]
    public string? TimelineParameter { get; set; }

    protected Moment Moment { get; private set; } = Moment.Now;

    /// <summary>Whether the page's API reads take <c>statedBy</c>, so it may be shown on the stated timeline.</summary>
    protected virtual bool OffersStatedTimeline => false;

    protected IReadOnlyList<MeetingClose> Closes { get; private set; } = [];

    /// <summary>Why the page cannot show what was asked; null when it can.</summary>
    protected string? Problem { get; private set; }

    protected CancellationToken Aborted => Http.RequestAborted;

    /// <summary>Resolves the moment the query string names against the process's meeting closes.</summary>
    protected async Task<bool> ResolveMomentAsync(string process)
    {
        await LoadAsync(async () => Closes = await Mediator.Send(new MeetingCloses.Query(process), Aborted));
        if (Problem is not null)
        {
            return false;
        }

        var (moment, problem) = Moment.Resolve(AsOfParameter, OnParameter, AtCloseParameter, TimelineParameter, Closes, OffersStatedTimeline);
        if (moment is null)
        {
            Refuse(StatusCodes.Status400BadRequest, problem!);
            return false;
        }

        Moment = moment;
        return true;
    }

    /// <summary>Runs the page's queries; an unknown stream or an invalid query value becomes the page's refusal.</summary>
    protected async Task LoadAsync(Func<Task> load)
    {
        try
        {
            await load();
        }
        catch (StreamNotFound e)
        {
            Refuse(StatusCodes.Status404NotFound, e.Message);
        }
        catch (ValidationException e)
        {
            Refuse(StatusCodes.Status400BadRequest, string.Join(" ", e.Errors.Select(x => x.ErrorMessage).Distinct()));
        }
    }

    protected void Refuse(int status, string message)
    {
        Problem = message;

        // Set as the response starts: a page that ends its render with 404 is not written out by the component
        // endpoint (it expects a status-code-pages re-execution), and this page itself says what is missing.
        var response = Http.Response;
        response.OnStarting(() =>
        {
            response.StatusCode = status;
            return Task.CompletedTask;
        });
    }

    /// <summary>Whether the user may use endpoints of <paramref name="access"/> here (the same policy, process scope included).</summary>
    protected async Task<bool> MayAsync(Access access) => (await Authorization.AuthorizeAsync(Http.User, Http, access.Policy)).Succeeded;
}
