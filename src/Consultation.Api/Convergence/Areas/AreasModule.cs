using Marten;

namespace Consultation.Convergence.Areas;

public static class AreasModule
{
    public static void AddAreas(this StoreOptions options)
    {
    }

    public static void MapAreas(this IEndpointRouteBuilder app)
    {
    }
}
