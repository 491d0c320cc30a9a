using System.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ChatbotPipeline.Ingress.BotFiles.Rasa;

/// <summary>
/// Reads a YAML document's events once, without building it, and refuses it when it would cost too much to load: a
/// 716 KB file of one 16 KB anchor and 100,000 aliases expands to gigabytes (a "billion laughs"). Counts every node as
/// the document would be expanded — an alias costs as much as what it names, a scalar one node per 256 characters — and
/// stops at the node, alias or time budget.
/// </summary>
public static class YamlBudget
{
    /// <summary>Nodes a bot file may expand to. Default 2,000,000: the largest real Rasa projects have a few hundred thousand.</summary>
    public const long MaxNodes = 2_000_000;

    /// <summary>Aliases a bot file may use. Rasa's files need none; a few are kept for hand-written anchors.</summary>
    public const int MaxAliases = 1_000;

    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(2);

    /// <summary>Null when the YAML may be loaded; otherwise why not, naming the line.</summary>
    public static string? Refusal(string yaml)
    {
        var clock = Stopwatch.StartNew();
        var parser = new Parser(new StringReader(yaml));
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Start)>();
        long nodes = 0;
        var aliases = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        if (++aliases > MaxAliases)
                            return $"The YAML uses more than {MaxAliases:N0} aliases (line {alias.Start.Line}); bot files need none.";
                        nodes += sizes.GetValueOrDefault(alias.Value.Value, 1);
                        break;
                    case YamlDotNet.Core.Events.Scalar scalar:
                        // A long text costs more than a short one once it is copied under every alias.
                        var cost = 1 + scalar.Value.Length / 256;
                        nodes += cost;
                        if (!scalar.Anchor.IsEmpty)
                            sizes[scalar.Anchor.Value] = cost;
                        break;
                    case NodeEvent start when start is SequenceStart or MappingStart:
                        nodes++;
                        open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, nodes));
                        break;
                    case SequenceEnd or MappingEnd when open.Count > 0:
                        var (anchor, begun) = open.Pop();
                        if (anchor is not null)
                            sizes[anchor] = nodes - begun + 1;
                        break;
                }
                if (nodes > MaxNodes)
                    return $"The YAML expands to more than {MaxNodes:N0} nodes (line {parser.Current?.Start.Line}); aliases may not multiply a file's size.";
                if (clock.Elapsed > MaxTime)
                    return $"The YAML took longer than {MaxTime.TotalSeconds:0} s to read.";
            }
            return null;
        }
        catch (YamlException)
        {
            // Not this check's business: the reader reports syntax errors with their place.
            return null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner has inputs it fails on with an exception of its own state (found by the fuzz suite).
            return $"The YAML could not be read after line {parser.Current?.Start.Line ?? 1}: {exception.Message}";
        }
    }
}
