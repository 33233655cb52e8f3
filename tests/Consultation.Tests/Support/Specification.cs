using System.Collections;
using System.Reflection;

namespace Consultation.Tests.Support;

/// <summary>
/// Given a stream's events, when a slice's pure <c>Decide</c>, then the events it produces or the rule it refuses on:
/// <c>Specification.Given&lt;Position&gt;(Stated).When(p =&gt; RevisePosition.Decide(p, command, facts)).Then(revised)</c>.
/// No database: the events are folded into the write model as Marten's live aggregation folds them.
/// </summary>
public static class Specification
{
    /// <summary>The write model after these events; no events is no stream (<c>null</c>), as a decider sees a new key.</summary>
    public static Specification<T> Given<T>(params object[] events)
        where T : class => new(Fold<T>(events));

    /// <summary>
    /// Folds events by the write model's own conventions, the ones Marten uses: the first event through its static
    /// <c>Create</c>, every later one through the <c>Apply</c> overload for its type.
    /// </summary>
    public static T? Fold<T>(params object[] events)
        where T : class
    {
        T? state = null;
        foreach (var e in events)
        {
            var method = state is null
                ? typeof(T).GetMethod("Create", BindingFlags.Public | BindingFlags.Static, [e.GetType()])
                : typeof(T).GetMethod("Apply", BindingFlags.Public | BindingFlags.Instance, [e.GetType()]);
            if (method is null)
            {
                throw new ArgumentException($"{typeof(T).Name} has no {(state is null ? "Create" : "Apply")} for {e.GetType().Name}: not an event of its stream, or not one that opens it.");
            }

            state = (T)method.Invoke(state, [e])!;
        }

        return state;
    }
}

/// <summary>The state a decision starts from.</summary>
public sealed class Specification<T>(T? state)
    where T : class
{
    /// <summary>The folded write model itself, for specifications of the fold.</summary>
    public T? State { get; } = state;

    /// <summary>The decision: a slice's <c>Decide</c> on this state (<c>null</c> when no events were given), returning one event or a list of them.</summary>
    public Decision When(Func<T, object> decide) => new(() => decide(State!));
}

/// <summary>A decision not yet taken: <see cref="Then"/> or <see cref="ThenRefused{TException}"/> takes it.</summary>
public sealed class Decision(Func<object> decide)
{
    /// <summary>Exactly these events, in this order, each compared field by field (lists by their items).</summary>
    public IReadOnlyList<object> Then(params object[] expected)
    {
        var produced = Produced();
        Assert.Equal(expected.Length, produced.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].GetType(), produced[i].GetType());
            Assert.Equivalent(expected[i], produced[i], strict: true);
        }

        return produced;
    }

    /// <summary>One event of this type, returned for the assertions that follow.</summary>
    public TEvent ThenOne<TEvent>() => Assert.IsType<TEvent>(Assert.Single(Produced()));

    /// <summary>Refused with exactly this exception type (and a message containing <paramref name="fragment"/>, if given); returned for more checks.</summary>
    public TException ThenRefused<TException>(string? fragment = null)
        where TException : Exception
    {
        var error = Assert.Throws<TException>(() => { Produced(); });
        if (fragment is not null)
        {
            Assert.Contains(fragment, error.Message);
        }

        return error;
    }

    private List<object> Produced() => decide() switch
    {
        IEnumerable events and not string => events.Cast<object>().ToList(),
        var single => [single],
    };
}
