using Consultation.Infrastructure.Security;
using Consultation.Positions.Views;
using Microsoft.AspNetCore.Mvc;

namespace Consultation.Audit.Replaying;

/// <summary>
/// A time parameter an endpoint does not honour is refused, never ignored: minimal APIs drop query parameters a handler
/// does not bind, so <c>?asOf=2017-12-06</c> on a read that answers only "now" would come back as now under a past label.
/// <c>asOf</c>, <c>statedBy</c> and <c>axis</c> on an endpoint whose handler does not bind that name answer 400 naming
/// the parameter (<c>asOfSequence</c> is refused the same way by <see cref="AsOfSequenceMiddleware"/>). The OpenAPI
/// document lists exactly the parameters handlers bind, so it stays true. Pages (and their assets, under /ui) read their own
/// query: their moment.
/// </summary>
public sealed class UnhonouredTimeParameters(RequestDelegate next)
{
    public static readonly string[] Parameters = [AsOfSupport.AsOfParameter, "statedBy", TimelineAxisRules.Parameter];

    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        if (http.GetEndpoint() is { } endpoint && AsOfSupport.HasHandler(endpoint) && !http.Request.Path.StartsWithSegments(PageAuthentication.PathPrefix))
        {
            var refused = Parameters.Where(p => http.Request.Query.ContainsKey(p) && !AsOfSupport.Binds(endpoint, p)).ToList();
            if (refused.Count > 0)
            {
                var errors = refused.ToDictionary(
                    p => p,
                    p => new[] { $"This endpoint does not answer '{p}': it would be ignored and the answer would not be what was asked. Leave it out." });
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new HttpValidationProblemDetails(errors)
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "The request is not valid.",
                        Detail = $"Not answered by this endpoint: {string.Join(", ", refused.Select(p => $"'{p}'"))}.",
                    },
                });
                return;
            }
        }

        await next(http);
    }
}
