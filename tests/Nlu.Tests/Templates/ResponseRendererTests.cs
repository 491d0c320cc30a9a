using System.Text.Json;
using ChatbotPipeline.Nlu.Templates;

namespace ChatbotPipeline.Nlu.Tests.Templates;

/// <summary>Every template form found in ai-chatbot-framework's bot files, rendered on Fluid.</summary>
public sealed class ResponseRendererTests
{
    private static readonly Dictionary<string, string> Parameters = new() { ["order_number"] = "ORD1", ["city"] = "Oslo" };
    private static readonly Dictionary<string, string> Channel = new() { ["username"] = "Ada" };
    private readonly ResponseRenderer _renderer = new();

    private IReadOnlyList<string> Render(string template, JsonElement? result = null) =>
        _renderer.Render(template, new TemplateModel(Parameters, Channel, result));

    [Theory]
    [InlineData("Order {{ parameters.order_number }}", "Order ORD1")]
    [InlineData("Order {{parameters['order_number']}}", "Order ORD1")]
    [InlineData("Order {{ parameters[\"order_number\"] }} to {{ city }}", "Order ORD1 to Oslo")]
    [InlineData("Hi {{context[\"username\"] }}", "Hi Ada")]
    [InlineData("Hi {{ context.username | upper }}", "Hi ADA")]
    [InlineData("Hi {{ context.nickname | default('there') }}", "Hi there")]
    [InlineData("{% if parameters.city %}In {{ city }}{% endif %}", "In Oslo")]
    [InlineData("No placeholders", "No placeholders")]
    public void Renders_parameters_and_context_in_every_form_ai_chatbot_framework_writes_them(string template, string expected) =>
        Assert.Equal([expected], Render(template));

    [Fact]
    public void Result_is_the_api_answer_as_json()
    {
        using var answer = JsonDocument.Parse("""{"status": "shipped", "items": [{"name": "lamp"}], "eta": 3}""");

        Assert.Equal(["Your order is shipped: lamp in 3 days."],
            Render("Your order is {{ result.status }}: {{ result.items[0].name }} in {{ result.eta }} days.", answer.RootElement));
    }

    [Fact]
    public void The_standard_fallback_picks_one_of_its_choices_and_splits_it_into_bubbles()
    {
        // ai-chatbot-framework's default fallback, byte for byte, with its trailing byte-order mark.
        const string template = "{{ \n\n[\n    \"Sorry ### I'm having trouble understanding you.\",\n    \"Hmm ### I cant handle that yet.\",\n    \"Can you please re-phrase your query ?\"\n] | random \n\n}}\ufeff\n\n";
        string[][] choices = [["Sorry", "I'm having trouble understanding you."], ["Hmm", "I cant handle that yet."], ["Can you please re-phrase your query ?"]];

        var seen = Enumerable.Range(0, 60).Select(_ => Render(template)).ToList();

        Assert.All(seen, messages => Assert.Contains(choices, choice => choice.SequenceEqual(messages)));
        Assert.True(seen.Select(m => m[0]).Distinct().Count() > 1, "random always picked the same choice");
    }

    [Fact]
    public void Inline_html_becomes_reply_markdown_and_no_tag_is_left()
    {
        var messages = Render("Your order is <b>{{ parameters.order_number }}</b>, <i>soon</i> <a href=\"https://example.com/t\">track</a><br/>bye <span>x</span>");

        Assert.Equal(["Your order is **ORD1**, _soon_ [track](https://example.com/t)\nbye x"], messages);
    }

    [Theory]
    [InlineData(" Sure ### Your number? ###  ", new[] { "Sure", "Your number?" })]
    [InlineData("{{ result.missing }}\ufeff", new string[0])]
    [InlineData("   ###  \u200b ", new string[0])]
    [InlineData("{{ unclosed", new string[0])]
    public void Blank_messages_are_dropped_and_what_cannot_be_rendered_renders_nothing(string template, string[] expected) =>
        Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("Order {{ parameters.order_number }}", null)]
    [InlineData("{{ [ \"a\", \"b\" ] | random }}", null)]
    [InlineData("{{ unclosed", "")]
    [InlineData("{% for x in %}", "")]
    public void Parse_errors_are_reported_for_import_warnings(string template, string? error)
    {
        var found = ResponseRenderer.ParseError(template);

        if (error is null)
            Assert.Null(found);
        else
            Assert.False(string.IsNullOrEmpty(found));
    }
}
