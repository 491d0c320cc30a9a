using ChatbotPipeline.Nlu.Dialogue;

namespace ChatbotPipeline.Nlu.Tests.Dialogue;

public sealed class ResponseTemplateTests
{
    private static readonly Dictionary<string, string> Parameters = new() { ["order_number"] = "ORD1", ["city"] = "Oslo" };

    [Theory]
    [InlineData("Order {{ parameters.order_number }}", "Order ORD1")]
    [InlineData("Order {{parameters['order_number']}}", "Order ORD1")]
    [InlineData("Order {{ parameters[\"order_number\"] }} to {{ city }}", "Order ORD1 to Oslo")]
    [InlineData("Hi {{ context.city }}", "Hi Oslo")]
    [InlineData("Status: {{ result.status }}.", "Status: .")]
    [InlineData("No placeholders", "No placeholders")]
    public void Renders_parameters_in_every_form_ai_chatbot_framework_writes_them(string template, string expected) =>
        Assert.Equal([expected], ResponseTemplate.Render(template, Parameters));

    [Fact]
    public void Triple_hash_splits_into_separate_messages_and_drops_empty_ones() =>
        Assert.Equal(["Sure", "Your number?"], ResponseTemplate.Render(" Sure ### Your number? ###  ", Parameters));
}
