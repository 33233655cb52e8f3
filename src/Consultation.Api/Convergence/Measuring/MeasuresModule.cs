using Marten;

namespace Consultation.Convergence.Measuring;

public static class MeasuresModule
{
    public static void AddMeasures(this StoreOptions options)
    {
    }

    public static void MapMeasures(this IEndpointRouteBuilder app)
    {
    }
}
