using System.Text;

namespace ChatbotPipeline.Tests.Shared.Fuzz;

/// <summary>
/// Random Liquid templates from a seed: blocks nested up to <c>maxDepth</c>, loops over ranges of any size, filter
/// chains that grow strings (append, replace, join), brackets, broken tags, Jinja forms and odd characters. Meant to
/// hit the renderer's limits and its parser's corners; the same seed gives the same templates.
/// </summary>
public sealed class LiquidFuzz(int seed, int maxDepth = 60)
{
    private static readonly string[] Filters =
    [
        "upcase", "downcase", "size", "escape", "url_encode", "strip", "capitalize", "reverse", "first", "last", "json",
        "append: s", "prepend: s", "append: 'xxxxxxxxxxxxxxxx'", "replace: 'x', s", "replace: '', 'yy'", "join: ','", "split: ''",
        "times: 1000000", "divided_by: 0", "modulo: 0", "slice: -5, 99999999", "truncate: -1", "date: '%Y'", "default: 'd'", "random",
        "upper", "lower", "default('x')", "sort", "uniq", "compact", "plus: 1e308", "round: 400",
    ];

    private static readonly string[] Values =
    [
        "s", "n", "parameters.order_number", "context.username", "result", "(1..3)", "(1..100000000)", "(n..s)", "(-99999999..99999999)",
        "'text'", "\"é ✓ \\u0000\"", "9999999999999999999999", "[1,2]", "['a', 'b'] | random", "nil", "empty", "true", "s[0][0][0]",
    ];

    private readonly Random _random = new(seed);

    public string Next()
    {
        var text = new StringBuilder("{% assign s = 'xxxxxxxxxxxxxxxx' %}{% assign n = 99999999 %}");
        Append(text, _random.Next(maxDepth + 1));
        return text.ToString();
    }

    private void Append(StringBuilder text, int depth)
    {
        var parts = _random.Next(1, 4);
        for (var i = 0; i < parts; i++)
        {
            switch (_random.Next(depth > 0 ? 12 : 6))
            {
                case 0: text.Append("Hi ").Append((char)_random.Next(0x20, 0x2FFF)).Append(" ### "); break;
                case 1: text.Append("{{ ").Append(Pick(Values)).Append(Chain()).Append(" }}"); break;
                case 2: text.Append("{% assign s = s").Append(Chain()).Append(" %}"); break;
                case 3: text.Append(Pick(["{{", "{%", "}}", "%}", "{% endif %}", "{% for %}", "{{ [ ", "<b>", "</i>", "{%- raw -%}"])); break;
                case 4: text.Append('[', _random.Next(80)).Append(']', _random.Next(80)); break;
                case 5: text.Append("{% capture s %}{{ s }}{{ s }}{% endcapture %}"); break;
                default: Block(text, depth - 1); break;
            }
        }
    }

    private void Block(StringBuilder text, int depth)
    {
        var (open, close) = _random.Next(5) switch
        {
            0 => ("{% if " + Pick(Values) + " %}", "{% endif %}"),
            1 => ("{% for i in " + Pick(["(1..100000000)", "(1..5)", "(1..n)", "s", "(n..1)"]) + " %}", "{% endfor %}"),
            2 => ("{% unless false %}", "{% endunless %}"),
            3 => ("{% case n %}{% when 1 %}", "{% endcase %}"),
            _ => ("{% capture s %}", "{% endcapture %}"),
        };
        text.Append(open);
        Append(text, depth);
        if (_random.Next(10) > 0)
            text.Append(close);
    }

    private string Chain()
    {
        var chain = new StringBuilder();
        for (var i = _random.Next(6); i > 0; i--)
            chain.Append(" | ").Append(Pick(Filters));
        return chain.ToString();
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
