using System.Net;
using System.Text.RegularExpressions;

namespace ChatbotPipeline.Nlu.Templates;

/// <summary>
/// The markup a reply carries, whatever channel it goes to: a small Markdown — <c>**bold**</c>, <c>_italic_</c>,
/// <c>[text](https://…)</c>. ai-chatbot-framework writes inline HTML (<c>&lt;b&gt;</c>, <c>&lt;i&gt;</c>,
/// <c>&lt;a href&gt;</c>, <c>&lt;br&gt;</c>); it is turned into this, and any other tag is dropped, so no channel ever
/// shows a literal tag. Each channel renders the Markdown its own way.
/// </summary>
public static partial class ReplyMarkup
{
    /// <summary>The text with inline HTML turned into reply Markdown, entities decoded, invisible characters removed.</summary>
    public static string FromHtml(string text)
    {
        text = Bold().Replace(text, "**$1**");
        text = Italic().Replace(text, "_$1_");
        text = Link().Replace(text, "[$2]($1)");
        text = LineBreak().Replace(text, "\n");
        // What is left (an empty <b></b> where a value was missing, unknown tags) goes, and so do the double spaces it leaves.
        text = Spaces().Replace(AnyTag().Replace(text, ""), " ");
        return Invisible().Replace(WebUtility.HtmlDecode(text), "");
    }

    /// <summary>True when nothing would be seen: empty, whitespace, byte-order marks or zero-width characters only.</summary>
    public static bool IsBlank(string text) => string.IsNullOrWhiteSpace(Invisible().Replace(text, ""));

    [GeneratedRegex("""<(?:b|strong)\b[^>]*>\s*([^<\s][^<]*?)\s*</(?:b|strong)\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Bold();

    [GeneratedRegex("""<(?:i|em)\b[^>]*>\s*([^<\s][^<]*?)\s*</(?:i|em)\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Italic();

    [GeneratedRegex("""<a\b[^>]*href\s*=\s*["'](https?://[^"']+)["'][^>]*>(.*?)</a\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("""<br\s*/?>""", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("""</?[a-zA-Z][^<>]*>""")]
    private static partial Regex AnyTag();

    [GeneratedRegex("""(?<=\S)[ \t]{2,}""")]
    private static partial Regex Spaces();

    [GeneratedRegex("""[\uFEFF\u200B\u200C\u200D\u2060]""")]
    private static partial Regex Invisible();
}
