namespace Consultation.Infrastructure.Errors;

/// <summary>An update was sent without If-Match (HTTP 428).</summary>
public sealed class VersionRequired(string what)
    : Exception($"Updating a {what} requires an If-Match header with the version (ETag) you read, so concurrent edits are never silently overwritten.");

/// <summary>A request named a process the user is not assigned to (HTTP 403).</summary>
public sealed class OutsideProcessScope(string process, Security.ProcessScope scope)
    : Exception($"You are not assigned to process '{process}' (your processes: {(scope.Processes is { Count: 0 } ? "none" : scope.ToString())}).");
