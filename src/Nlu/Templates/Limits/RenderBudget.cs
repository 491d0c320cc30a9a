using System.Diagnostics;
using Fluid;

namespace ChatbotPipeline.Nlu.Templates.Limits;

/// <summary>
/// One render's allowance of time and characters, kept in its <see cref="TemplateContext"/> so the writer, the filters
/// and assignments can all charge it. Fluid has no cancellation, so the clock is checked wherever work is done.
/// </summary>
public sealed class RenderBudget(TemplateLimits limits)
{
    private const string Key = "chatbot.render-budget";
    private readonly long _deadline = Stopwatch.GetTimestamp() + (long)(limits.MaxRenderTime.TotalSeconds * Stopwatch.Frequency);

    public TemplateLimits Limits { get; } = limits;

    public void AttachTo(TemplateContext context) => context.AmbientValues[Key] = this;

    public static RenderBudget? Of(TemplateContext context) =>
        context.AmbientValues.TryGetValue(Key, out var budget) ? budget as RenderBudget : null;

    /// <exception cref="TemplateLimitException">The render ran out of time.</exception>
    public void CheckTime()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
            throw new TemplateLimitException($"The render took longer than {Limits.MaxRenderTime.TotalMilliseconds:0} ms.");
    }

    /// <exception cref="TemplateLimitException">A string of this length would be built, or the render ran out of time.</exception>
    public void CheckLength(long characters, string what)
    {
        if (characters > Limits.MaxOutputChars)
            throw new TemplateLimitException($"{what} would be {characters:N0} characters long; at most {Limits.MaxOutputChars:N0} are allowed.");
        CheckTime();
    }
}
