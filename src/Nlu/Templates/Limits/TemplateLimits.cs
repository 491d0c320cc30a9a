namespace ChatbotPipeline.Nlu.Templates.Limits;

/// <summary>
/// What one template may cost. Templates are written by whoever may edit a bot and rendered over values users and APIs
/// supply, so every write path checks the shape (<see cref="TemplatePrecheck"/>) and every render runs inside these
/// bounds (<see cref="ResponseRenderer"/>); a render that exceeds one answers with the bot's fallback.
/// </summary>
public sealed record TemplateLimits
{
    public static readonly TemplateLimits Default = new();

    /// <summary>Characters a template may have. Default 20,000: the longest real responses are a few hundred.</summary>
    public int MaxTemplateChars { get; init; } = 20_000;

    /// <summary>Blocks (<c>if</c>, <c>for</c>, <c>case</c>, <c>capture</c>…) open inside each other. Default 32; the
    /// parser recurses per level, and 5,000 levels overflowed the stack of the process that parsed them.</summary>
    public int MaxNesting { get; init; } = 32;

    /// <summary>Statements one render may execute (Fluid's <c>MaxSteps</c>). Default 20,000.</summary>
    public int MaxSteps { get; init; } = 20_000;

    /// <summary>Characters a render may write, and the longest string it may build (assign, capture, a filter's
    /// result). Default 64 Ki: more than any chat message or API request a bot sends.</summary>
    public int MaxOutputChars { get; init; } = 64 * 1024;

    /// <summary>Items a range (<c>(1..n)</c>) may have; Fluid builds the whole list. Default 10,000.</summary>
    public int MaxRangeItems { get; init; } = 10_000;

    /// <summary>Wall time of one render. Default 250 ms.</summary>
    public TimeSpan MaxRenderTime { get; init; } = TimeSpan.FromMilliseconds(250);
}
