namespace ChatbotPipeline.Nlu.Entities.Learned;

/// <summary>
/// Viterbi decoding of a linear chain: emission scores per position and tag, transition scores per tag pair
/// (the last row holds the scores of starting in each tag).
/// </summary>
internal static class ChainDecoder
{
    public static int[] Decode(float[] emissions, float[] transitions, int length, int tags, bool[] allowed)
    {
        var best = new float[length * tags];
        var back = new int[length * tags];
        for (var t = 0; t < tags; t++)
            best[t] = allowed[tags * tags + t] ? emissions[t] + transitions[tags * tags + t] : float.NegativeInfinity;
        for (var i = 1; i < length; i++)
            for (var t = 0; t < tags; t++)
            {
                var top = float.NegativeInfinity;
                var from = 0;
                for (var p = 0; p < tags; p++)
                {
                    if (!allowed[p * tags + t])
                        continue;
                    var score = best[(i - 1) * tags + p] + transitions[p * tags + t];
                    if (score > top)
                    {
                        top = score;
                        from = p;
                    }
                }
                best[i * tags + t] = top + emissions[i * tags + t];
                back[i * tags + t] = from;
            }
        var path = new int[length];
        var last = 0;
        for (var t = 1; t < tags; t++)
            if (best[(length - 1) * tags + t] > best[(length - 1) * tags + last])
                last = t;
        path[length - 1] = last;
        for (var i = length - 1; i > 0; i--)
            path[i - 1] = back[i * tags + path[i]];
        return path;
    }

    /// <summary>Which tag may follow which, in the layout of the transitions (last row: the start).</summary>
    public static bool[] AllowedTransitions(string[] tags)
    {
        var allowed = new bool[(tags.Length + 1) * tags.Length];
        for (var p = -1; p < tags.Length; p++)
            for (var t = 0; t < tags.Length; t++)
                allowed[(p < 0 ? tags.Length : p) * tags.Length + t] = Allowed(tags, p, t);
        return allowed;
    }

    /// <summary>BIO constraint: <c>I-x</c> only continues <c>B-x</c> or <c>I-x</c>; <paramref name="previous"/> -1 is the start.</summary>
    private static bool Allowed(string[] tags, int previous, int current)
    {
        var tag = tags[current];
        if (!tag.StartsWith("I-", StringComparison.Ordinal))
            return true;
        if (previous < 0)
            return false;
        var before = tags[previous];
        return before.Length == tag.Length && before.AsSpan(2).SequenceEqual(tag.AsSpan(2)) && before[0] is 'B' or 'I';
    }
}
