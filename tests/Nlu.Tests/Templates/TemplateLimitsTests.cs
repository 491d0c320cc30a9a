using ChatbotPipeline.Nlu.Templates;
using ChatbotPipeline.Nlu.Templates.Limits;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Nlu.Tests.Templates;

/// <summary>Templates written to hurt the process that renders them: each is refused or stopped, none crashes it.</summary>
public sealed class TemplateLimitsTests
{
    private static readonly Dictionary<string, string> Parameters = new() { ["n"] = "100000000", ["word"] = "xxxxxxxxxx" };
    private readonly ResponseRenderer _renderer = new();

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("{% if true %}", depth)) + "deep" + string.Concat(Enumerable.Repeat("{% endif %}", depth));

    [Fact]
    public void Five_thousand_nested_blocks_are_refused_before_parsing_and_render_nothing()
    {
        var template = Nested(5_000);
        Assert.NotNull(ResponseRenderer.ParseError(template));
        Assert.Empty(_renderer.Render(template, TemplateModel.Empty));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_even_when_the_template_is_short()
    {
        var template = string.Concat(Enumerable.Repeat("{%if 1%}", 1_000)) + string.Concat(Enumerable.Repeat("{%endif%}", 1_000));
        Assert.Contains("nests 1000", ResponseRenderer.ParseError(template));
        Assert.Empty(_renderer.Render(template, TemplateModel.Empty));
    }

    [Fact]
    public void Nesting_within_the_limit_renders()
    {
        Assert.Null(ResponseRenderer.ParseError(Nested(TemplateLimits.Default.MaxNesting)));
        Assert.Equal(["deep"], _renderer.Render(Nested(TemplateLimits.Default.MaxNesting), TemplateModel.Empty));
    }

    [Theory]
    [InlineData("{{ " + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" + " }}")]
    [InlineData("{% unless false %}{% for i in (1..2) %}{% case 1 %}{% when 1 %}{% capture x %}")]
    public void Brackets_and_every_block_kind_count_toward_nesting(string opening)
    {
        var template = string.Concat(Enumerable.Repeat(opening, 10));
        Assert.NotNull(ResponseRenderer.ParseError(template));
    }

    [Fact]
    public void A_template_longer_than_the_limit_is_refused() =>
        Assert.Contains("characters", ResponseRenderer.ParseError(new string('a', TemplateLimits.Default.MaxTemplateChars + 1)));

    [Theory]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}")]
    [InlineData("{% for i in (1..100000000) %}{% endfor %}")]
    [InlineData("{% for i in (1..n) %}x{% endfor %}")]
    [InlineData("{{ (1..10000000) | join: ',' }}")]
    [InlineData("{% assign s = word %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}")]
    [InlineData("{% capture s %}{% for i in (1..5000) %}{{ word }}{{ word }}{% endfor %}{% endcapture %}{{ s | size }}")]
    [InlineData("{% assign s = word | append: word | append: word | append: word %}{{ s | replace: 'x', s | replace: 'x', s | size }}")]
    [InlineData("{% for i in (1..9000) %}{% for j in (1..9000) %}{% endfor %}{% endfor %}")]
    public void A_render_past_its_limits_renders_nothing_in_bounded_time_and_memory(string template)
    {
        var model = new TemplateModel(Parameters, new Dictionary<string, string>());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(_renderer.Render(template, model));
        var (elapsed, allocated) = (clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
        elapsed = WallClockBound.Retimed(elapsed, TimeSpan.FromSeconds(5), () => _renderer.Render(template, model));
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
        Assert.True(allocated < 200_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Small_loops_ranges_and_filters_still_render() =>
        Assert.Equal(["1,2,3 xxxxxxxxxx!"],
            _renderer.Render("{{ (1..3) | join: ',' }} {% for i in (1..1) %}{{ word | append: '!' }}{% endfor %}", new TemplateModel(Parameters, new Dictionary<string, string>())));
}
