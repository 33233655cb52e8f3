namespace Consultation.Tests.Meetings;

/// <summary>A clock the test sets: the service's <see cref="TimeProvider"/> in the meetings API tests.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = now;

    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }

        set
        {
            lock (_gate)
            {
                _now = value;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
