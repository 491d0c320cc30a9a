using System.Collections.Concurrent;
using System.Text.Json;
using Fluid;
using Fluid.Values;

namespace ChatbotPipeline.Nlu.Templates;

/// <summary>
/// Renders response templates with Fluid (Liquid), after reading ai-chatbot-framework's Jinja2 forms as Liquid
/// (<see cref="AicfTemplateSyntax"/>). <c>###</c> splits the output into separate messages; inline HTML becomes reply
/// Markdown (<see cref="ReplyMarkup"/>); blank messages are dropped, so a template that renders to nothing gives an
/// empty list and the caller answers with the bot's fallback instead of an empty bubble. Templates are compiled once.
/// </summary>
public sealed class ResponseRenderer
{
    private const int MaxCompiled = 10_000;
    private static readonly FluidParser Parser = new();
    private readonly TemplateOptions _options = new();
    private readonly ConcurrentDictionary<string, Compiled> _compiled = new(StringComparer.Ordinal);

    public ResponseRenderer() => _options.Filters.AddFilter("random", PickRandom);

    /// <summary>The messages the template renders to: never blank, possibly none.</summary>
    public IReadOnlyList<string> Render(string template, TemplateModel model) =>
        RenderText(template, model) is { } text
            ? ReplyMarkup.FromHtml(text).Split("###", StringSplitOptions.TrimEntries).Where(message => !ReplyMarkup.IsBlank(message)).ToList()
            : [];

    /// <summary>The template's output as it is (an API call's URL, header or body), or null when it cannot be rendered.</summary>
    public string? RenderText(string template, TemplateModel model)
    {
        var compiled = Compile(template);
        if (compiled.Template is null)
            return null;
        var context = new TemplateContext(_options);
        foreach (var (name, value) in model.Parameters)
            context.SetValue(name, value);
        context.SetValue("parameters", ToObjects(model.Parameters));
        context.SetValue("context", ToObjects(model.Context));
        if (model.Result is { } result)
            context.SetValue("result", ToObject(result));
        foreach (var (name, items) in compiled.Lists)
            context.SetValue(name, items);
        return compiled.Template.Render(context);
    }

    /// <summary>Why a template cannot be rendered, or null when it can.</summary>
    public static string? ParseError(string template) =>
        Parser.TryParse(AicfTemplateSyntax.ToLiquid(template).Liquid, out _, out var error) ? null : error;

    private Compiled Compile(string template)
    {
        if (_compiled.TryGetValue(template, out var known))
            return known;
        if (_compiled.Count >= MaxCompiled)
            _compiled.Clear();
        var (liquid, lists) = AicfTemplateSyntax.ToLiquid(template);
        var compiled = new Compiled(Parser.TryParse(liquid, out var parsed, out _) ? parsed : null,
            lists.ToDictionary(list => list.Key, list => (object)list.Value.ToArray()));
        return _compiled.GetOrAdd(template, compiled);
    }

    /// <summary>One item at random: of a list (<c>{{ list | random }}</c>), or of the input and the arguments.</summary>
    private static ValueTask<FluidValue> PickRandom(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var choices = input is ArrayValue array ? array.Values.ToList() : [input, .. arguments.Values];
        return choices.Count == 0 ? NilValue.Instance : choices[Random.Shared.Next(choices.Count)];
    }

    private static Dictionary<string, object?> ToObjects(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(pair => pair.Key, pair => (object?)pair.Value, StringComparer.Ordinal);

    private static object? ToObject(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToObject(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToObject).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private sealed record Compiled(IFluidTemplate? Template, IReadOnlyDictionary<string, object> Lists);
}
