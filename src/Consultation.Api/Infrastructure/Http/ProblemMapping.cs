using Microsoft.AspNetCore.Mvc;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// A module's own exception and the problem details it answers. The module registers it
/// (<see cref="ProblemMappings.AddProblemMapping{TException}"/>), so <see cref="ProblemDetailsExceptionHandler"/> maps it
/// without naming the module's type.
/// </summary>
public sealed record ProblemMapping(Type ExceptionType, Func<Exception, ProblemDetails> ToProblem);

public static class ProblemMappings
{
    public static IServiceCollection AddProblemMapping<TException>(this IServiceCollection services, Func<TException, ProblemDetails> toProblem)
        where TException : Exception =>
        services.AddSingleton(new ProblemMapping(typeof(TException), exception => toProblem((TException)exception)));
}
