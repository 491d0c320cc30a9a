using ChatbotPipeline.Nlu.Text;

namespace ChatbotPipeline.Nlu.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Where IS my Order", "where is my order")]
    [InlineData("  order   ORD12345 \t now ", "order ord00000 now")]
    [InlineData("", "")]
    public void Lowercases_collapses_whitespace_and_masks_digits(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));
}
