using System.Net;
using System.Text.RegularExpressions;

namespace ChatbotPipeline.Channels.Replies;

/// <summary>
/// Reply Markdown (<c>**bold**</c>, <c>_italic_</c>, <c>[text](url)</c>; see ChatbotPipeline.Nlu.Templates.ReplyMarkup)
/// in each platform's own markup: Slack mrkdwn, Telegram HTML, WhatsApp's markers, or plain text where a platform has
/// none (Messenger, SMS). Links keep their address wherever the platform cannot show a link.
/// </summary>
public static partial class ReplyFormats
{
    /// <summary>Slack mrkdwn: <c>*bold*</c>, <c>_italic_</c>, <c>&lt;url|text&gt;</c>; &amp;, &lt;, &gt; escaped as Slack asks.</summary>
    public static string Slack(string markdown)
    {
        var text = markdown.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        text = Link().Replace(text, "<$2|$1>");
        return Bold().Replace(text, "*$1*");
    }

    /// <summary>Telegram's HTML parse mode: the text escaped, then <c>&lt;b&gt;</c>, <c>&lt;i&gt;</c>, <c>&lt;a href&gt;</c>.</summary>
    public static string TelegramHtml(string markdown)
    {
        var text = WebUtility.HtmlEncode(markdown);
        text = Link().Replace(text, "<a href=\"$2\">$1</a>");
        text = Bold().Replace(text, "<b>$1</b>");
        return Italic().Replace(text, "<i>$1</i>");
    }

    /// <summary>WhatsApp: <c>*bold*</c>, <c>_italic_</c>; a link as its text and address.</summary>
    public static string WhatsApp(string markdown) => Bold().Replace(Link().Replace(markdown, "$1 ($2)"), "*$1*");

    /// <summary>No markup at all: markers dropped, a link as its text and address.</summary>
    public static string Plain(string markdown) => Italic().Replace(Bold().Replace(Link().Replace(markdown, "$1 ($2)"), "$1"), "$1");

    /// <summary>Buttons as a numbered list, for channels without buttons: the user answers with the number or the title.</summary>
    public static string NumberedOptions(IReadOnlyList<Contracts.ReplyButton> buttons) =>
        string.Join("\n", buttons.Select((button, index) => $"{index + 1}. {button.Title}"));

    [GeneratedRegex("""\*\*(.+?)\*\*""", RegexOptions.Singleline)]
    private static partial Regex Bold();

    [GeneratedRegex("""(?<![\w*])_(.+?)_(?!\w)""", RegexOptions.Singleline)]
    private static partial Regex Italic();

    [GeneratedRegex("""\[([^\]]+)\]\((https?://[^)\s]+)\)""")]
    private static partial Regex Link();
}
