namespace Consultation.Infrastructure.EventStore;

/// <summary>
/// Read models a command of this scope (a request) left as it wrote them: the answer to the write is that state, without
/// reading it back after the commit.
/// </summary>
public sealed class WrittenViews
{
    private readonly Dictionary<(Type, string), object> _views = [];

    public void Add<T>(string key, T view)
        where T : class => _views[(typeof(T), key)] = view;

    public T? Find<T>(string key)
        where T : class => _views.GetValueOrDefault((typeof(T), key)) as T;
}
