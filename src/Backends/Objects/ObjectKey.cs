namespace ChatbotPipeline.Backends.Objects;

/// <summary>Checks object keys, so no store ever sees one that could climb out of its root.</summary>
public static class ObjectKey
{
    /// <summary>Returns the key when it is relative, non-empty and has no empty, <c>.</c> or <c>..</c> segments.</summary>
    /// <exception cref="ArgumentException">The key is not a valid object key.</exception>
    public static string Validate(string key)
    {
        var segments = key.Split('/');
        if (key.Length == 0 || segments.Any(s => s is "" or "." or ".." || s.Contains('\\')))
            throw new ArgumentException($"'{key}' is not a valid object key: use non-empty '/'-separated segments without '.' or '..'.", nameof(key));
        return key;
    }
}
