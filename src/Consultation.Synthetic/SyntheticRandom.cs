namespace Consultation.Synthetic;

/// <summary>
/// SplitMix64: a tiny, fully specified pseudo-random generator. Used instead of <see cref="Random"/> so that a seed gives
/// the same consultation on every .NET version and platform (the generator's promise is "same seed → same events").
/// </summary>
public sealed class SyntheticRandom(ulong seed)
{
    private readonly ulong _seed = seed;
    private ulong _state = seed;

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => max <= 0 ? 0 : (int)(NextULong() % (ulong)max);

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>
    /// A derived, independent generator that depends only on this generator's seed and <paramref name="salt"/> (not on how
    /// much was drawn), so that e.g. adding an issue does not reshuffle the others.
    /// </summary>
    public SyntheticRandom Fork(ulong salt) => new(new SyntheticRandom(_seed ^ (salt * 0xD1342543DE82EF95UL)).NextULong());

    public List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
