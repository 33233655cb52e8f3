namespace Consultation.Infrastructure.Http;

/// <summary>
/// The door for values that do not come in a JSON body (<see cref="StorableTextJsonConverter"/> checks those): query
/// string names and values, route values and form fields. One place, so no endpoint, filter or page can forget it.
/// </summary>
public sealed class StorableTextDoor(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        foreach (var (name, values) in http.Request.Query)
        {
            Require(name, name);
            foreach (var value in values)
            {
                Require(name, value);
            }
        }

        foreach (var (name, value) in http.Request.RouteValues)
        {
            Require(name, value as string);
        }

        if (await FormOf(http) is { } form)
        {
            foreach (var (name, values) in form)
            {
                Require(name, name);
                foreach (var value in values)
                {
                    Require(name, value);
                }
            }
        }

        await next(http);
    }

    /// <summary>The form, if the body is one that can be read; a malformed or oversized one is left to the endpoint, as before.</summary>
    private static async Task<IFormCollection?> FormOf(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static void Require(string field, string? value)
    {
        if (value is not null && !StorableText.IsStorable(value))
        {
            throw new UnstorableText(StorableText.IsStorable(field) ? field : "(parameter name)");
        }
    }
}
