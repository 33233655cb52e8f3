namespace Consultation.Infrastructure.Http;

/// <summary>The segments of a JSON path as the serializer writes it (<c>$.items[2].speaker</c>, <c>$['odd name']</c>): a name, or null for an index.</summary>
public static class JsonPathSegments
{
    public static IReadOnlyList<string?>? Parse(string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        var segments = new List<string?>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                segments.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), out _))
                {
                    return null;
                }

                segments.Add(null);
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return segments;
    }
}
