using JasperFx;
using JasperFx.Events;

namespace Consultation.Infrastructure.EventStore;

public static class ConcurrentWrites
{
    /// <summary>
    /// Another writer got to the same stream first: a concurrent append, or a stream started with a key
    /// that now exists. Marten raises these from two packages (JasperFx and Marten.Exceptions).
    /// </summary>
    public static bool IsConcurrentWrite(this Exception e) =>
        e is ConcurrencyException or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException;

    /// <summary>Saves the session; if a concurrent writer won, throws what <paramref name="refusal"/> says instead (nothing is written).</summary>
    public static async Task SaveOrRefuseAsync(this IDocumentSession session, Func<Exception> refusal, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e.IsConcurrentWrite())
        {
            throw refusal();
        }
    }
}
