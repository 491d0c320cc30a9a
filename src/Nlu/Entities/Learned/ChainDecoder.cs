using System.Numerics.Tensors;

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

    /// <summary>
    /// Per position and tag, the share of all allowed tag sequences' weight (exp of their score) that passes through
    /// that tag — forward-backward, rescaled at every position instead of in log space so it stays a few
    /// multiply-adds per tag pair. On a perceptron's scores these are not true probabilities, but they do say how
    /// clearly the chosen tag beat the sequences that would have tagged the token otherwise.
    /// </summary>
    /// <param name="expTransitions">exp of the transition scores (shifted by a constant), 0 where not allowed; see <see cref="ExpTransitions"/>.</param>
    public static float[] Marginals(float[] emissions, float[] expTransitions, int length, int tags)
    {
        var exp = new float[length * tags];
        for (var i = 0; i < length; i++)
        {
            var row = emissions.AsSpan(i * tags, tags);
            var target = exp.AsSpan(i * tags, tags);
            TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), target);
            TensorPrimitives.Exp(target, target);
        }
        var forward = new float[length * tags];
        var backward = new float[length * tags];
        TensorPrimitives.Multiply(exp.AsSpan(0, tags), expTransitions.AsSpan(tags * tags, tags), forward.AsSpan(0, tags));
        Normalize(forward.AsSpan(0, tags));
        for (var i = 1; i < length; i++)
        {
            var current = forward.AsSpan(i * tags, tags);
            for (var p = 0; p < tags; p++)
                TensorPrimitives.MultiplyAdd(expTransitions.AsSpan(p * tags, tags), forward[(i - 1) * tags + p], current, current);
            TensorPrimitives.Multiply(current, exp.AsSpan(i * tags, tags), current);
            Normalize(current);
        }
        backward.AsSpan((length - 1) * tags, tags).Fill(1f);
        var next = new float[tags];
        for (var i = length - 2; i >= 0; i--)
        {
            TensorPrimitives.Multiply(exp.AsSpan((i + 1) * tags, tags), backward.AsSpan((i + 1) * tags, tags), next);
            for (var p = 0; p < tags; p++)
                backward[i * tags + p] = TensorPrimitives.Dot(expTransitions.AsSpan(p * tags, tags), next);
            Normalize(backward.AsSpan(i * tags, tags));
        }
        var marginals = new float[length * tags];
        for (var i = 0; i < length; i++)
        {
            var target = marginals.AsSpan(i * tags, tags);
            TensorPrimitives.Multiply(forward.AsSpan(i * tags, tags), backward.AsSpan(i * tags, tags), target);
            Normalize(target);
        }
        return marginals;
    }

    /// <summary>exp of the transition scores, shifted so the largest is exp(0), with disallowed transitions 0.</summary>
    public static float[] ExpTransitions(float[] transitions, bool[] allowed)
    {
        var max = TensorPrimitives.Max(transitions);
        var exp = new float[transitions.Length];
        for (var k = 0; k < exp.Length; k++)
            exp[k] = allowed[k] ? MathF.Exp(transitions[k] - max) : 0f;
        return exp;
    }

    private static void Normalize(Span<float> values)
    {
        var sum = TensorPrimitives.Sum(values);
        if (sum > 0)
            TensorPrimitives.Divide(values, sum, values);
    }
}
