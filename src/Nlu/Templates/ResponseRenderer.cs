using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatbotPipeline.Nlu.Templates.Limits;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatbotPipeline.Nlu.Templates;

/// <summary>
/// Renders response templates with Fluid (Liquid), after reading ai-chatbot-framework's Jinja2 forms as Liquid
/// (<see cref="AicfTemplateSyntax"/>). <c>###</c> splits the output into separate messages; inline HTML becomes reply
/// Markdown (<see cref="ReplyMarkup"/>); blank messages are dropped, so a template that renders to nothing gives an
/// empty list and the caller answers with the bot's fallback instead of an empty bubble. Templates are compiled once,
/// after <see cref="TemplatePrecheck"/>, and every render runs within <see cref="TemplateLimits"/>: one that exceeds
/// them renders nothing and is logged with the place it came from, whatever the template was stored before.
/// </summary>
public sealed partial class ResponseRenderer
{
    private const int MaxCompiled = 10_000;
    private const string TooSlowToRead = "The template's Jinja forms took too long to read.";
    private static readonly FluidParser Parser = new();
    private readonly TemplateOptions _options = new();
    private readonly ConcurrentDictionary<string, Compiled> _compiled = new(StringComparer.Ordinal);
    private readonly TemplateLimits _limits;
    private readonly ILogger _logger;

    public ResponseRenderer(ILogger<ResponseRenderer>? logger = null, TemplateLimits? limits = null)
    {
        _limits = limits ?? TemplateLimits.Default;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _options.MaxSteps = _limits.MaxSteps;
        _options.MaxRecursion = 8;
        _options.Filters.AddFilter("random", PickRandom);
        BoundedFilters.Apply(_options.Filters);
        _options.Assigned = (_, value, context) => Charged(value, context, "An assigned value");
        _options.Captured = (_, value, context) => Charged(value, context, "A captured value");
    }

    /// <summary>The messages the template renders to: never blank, possibly none.</summary>
    /// <param name="site">Where the template comes from (bot, intent, field), for the log line when it fails.</param>
    public IReadOnlyList<string> Render(string template, TemplateModel model, string? site = null) =>
        RenderText(template, model, site) is { } text
            ? ReplyMarkup.FromHtml(text).Split("###", StringSplitOptions.TrimEntries).Where(message => !ReplyMarkup.IsBlank(message)).ToList()
            : [];

    /// <summary>The template's output as it is, or null when it cannot be rendered within its limits.</summary>
    /// <param name="encoder">Encodes every value the template outputs (a URL's path and query, a JSON string);
    /// <c>| raw</c> opts a value out. Null writes values as they are.</param>
    public string? RenderText(string template, TemplateModel model, string? site = null, TextEncoder? encoder = null)
    {
        var compiled = Compile(template);
        if (compiled.Template is null)
        {
            if (compiled.Refusal is { } refusal)
                LogRefused(site ?? "a template", refusal);
            return null;
        }
        var budget = new RenderBudget(_limits);
        var context = new TemplateContext(_options);
        budget.AttachTo(context);
        foreach (var (name, value) in model.Parameters)
            context.SetValue(name, value);
        context.SetValue("parameters", ToObjects(model.Parameters));
        context.SetValue("context", ToObjects(model.Context));
        if (model.Result is { } result)
            context.SetValue("result", ToObject(result));
        foreach (var (name, items) in compiled.Lists)
            context.SetValue(name, items);
        var output = new BoundedWriter(budget);
        try
        {
            compiled.Template.RenderAsync(output, context, encoder ?? NullEncoder.Default).AsTask().GetAwaiter().GetResult();
            return output.ToString();
        }
        catch (Exception exception)
        {
            // Whatever a template does — past a limit (Fluid reports MaxSteps as an InvalidOperationException), or a
            // filter given values it cannot take (divided_by: 0, a date of nonsense) — it fails only itself: the
            // message is answered with the fallback instead of failing and being dead-lettered.
            LogRenderFailed(site ?? "a template", exception.Message);
            return null;
        }
    }

    /// <summary>Why a template cannot be stored — too large, nested too deep, or not Liquid — or null when it can.</summary>
    public static string? ParseError(string template, TemplateLimits? limits = null)
    {
        if (TemplatePrecheck.Refusal(template, limits ?? TemplateLimits.Default) is { } refusal)
            return refusal;
        try
        {
            return Parser.TryParse(AicfTemplateSyntax.ToLiquid(template).Liquid, out _, out var error) ? null : error;
        }
        catch (RegexMatchTimeoutException)
        {
            return TooSlowToRead;
        }
    }

    private Compiled Compile(string template)
    {
        if (_compiled.TryGetValue(template, out var known))
            return known;
        if (_compiled.Count >= MaxCompiled)
            _compiled.Clear();
        return _compiled.GetOrAdd(template, Parse(template));
    }

    private Compiled Parse(string template)
    {
        if (TemplatePrecheck.Refusal(template, _limits) is { } refusal)
            return new Compiled(null, new Dictionary<string, object>(), refusal);
        try
        {
            var (liquid, lists) = AicfTemplateSyntax.ToLiquid(template);
            var parsed = Parser.TryParse(liquid, out var fluid, out _) ? BoundedRange.Instance.VisitTemplate(fluid) : null;
            return new Compiled(parsed, lists.ToDictionary(list => list.Key, list => (object)list.Value.ToArray()), null);
        }
        catch (RegexMatchTimeoutException)
        {
            return new Compiled(null, new Dictionary<string, object>(), TooSlowToRead);
        }
    }

    private static ValueTask<FluidValue> Charged(FluidValue value, TemplateContext context, string what)
    {
        if (RenderBudget.Of(context) is { } budget && value is StringValue text)
            budget.CheckLength(text.ToStringValue().Length, what);
        return new ValueTask<FluidValue>(value);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Template of {Site} was not rendered, the fallback answers: {Reason}")]
    private partial void LogRenderFailed(string site, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Template of {Site} is refused, the fallback answers: {Reason}")]
    private partial void LogRefused(string site, string reason);

    private sealed record Compiled(IFluidTemplate? Template, IReadOnlyDictionary<string, object> Lists, string? Refusal);
}
