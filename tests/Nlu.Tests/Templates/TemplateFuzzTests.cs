using System.Diagnostics;
using ChatbotPipeline.Nlu.Templates;
using ChatbotPipeline.Tests.Shared;
using ChatbotPipeline.Tests.Shared.Fuzz;

namespace ChatbotPipeline.Nlu.Tests.Templates;

/// <summary>
/// A bounded fuzz of random Liquid templates through the checks every write path runs and the renderer: none may take
/// more than a second (timed twice when over, <see cref="WallClockBound"/>), or allocate without bound, or end the
/// process (a stack overflow would end this test run).
/// </summary>
[Trait("Category", "Security")]
public sealed class TemplateFuzzTests
{
    private static readonly Dictionary<string, string> Parameters = new() { ["order_number"] = "ORD1", ["n"] = "99999999", ["s"] = "xxxx" };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_templates_are_refused_or_rendered_within_their_limits(int seed)
    {
        var fuzz = new LiquidFuzz(seed);
        var renderer = new ResponseRenderer();
        var model = new TemplateModel(Parameters, new Dictionary<string, string> { ["username"] = "Ada" });
        var budget = Stopwatch.StartNew();
        var (templates, refused, rendered) = (0, 0, 0);
        // Bounded so the suite's other parts (the fault suite's timings) do not run on a machine this test saturates.
        while (templates < 800 && budget.Elapsed < TimeSpan.FromSeconds(15))
        {
            var template = fuzz.Next();
            templates++;
            var clock = Stopwatch.StartNew();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            if (ResponseRenderer.ParseError(template) is not null)
                refused++;
            if (renderer.Render(template, model).Count > 0)
                rendered++;
            var (elapsed, bytes) = (clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated);
            elapsed = WallClockBound.Retimed(elapsed, TimeSpan.FromSeconds(1), () =>
            {
                _ = ResponseRenderer.ParseError(template);
                _ = renderer.Render(template, model);
            });
            Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Template #{templates} of seed {seed} took {elapsed}:\n{template}");
            Assert.True(bytes < 256L * 1024 * 1024, $"Template #{templates} of seed {seed} allocated too much:\n{template}");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}: {templates} templates, {refused} refused, {rendered} rendered");
        Assert.True(templates >= 100, $"only {templates} templates in the time budget");
    }
}
