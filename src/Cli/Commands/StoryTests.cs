using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace ChatbotPipeline.Cli.Commands;

/// <summary>
/// <c>chatbot test BOT --stories FILE</c>: Rasa test stories replayed by the server against the bot's dialogue and
/// current model; each story's verdict with its first divergent step, exit 1 when any failed.
/// </summary>
public static class StoryTests
{
    public static async Task<int> RunAsync(ApiClient api, TestCommand.Settings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var body = new ByteArrayContent(await File.ReadAllBytesAsync(settings.Stories!, cancellationToken));
        body.Headers.ContentType = new("application/yaml");
        var report = await api.PostAsync($"{settings.BotPath}/stories/test", body, cancellationToken);
        var stories = report["stories"]!.AsArray();
        var failed = report["failed"]!.GetValue<int>();
        if (settings.Out is { } html)
            await File.WriteAllTextAsync(html, Html(settings.Bot, stories), cancellationToken);
        if (settings.Json)
            System.Console.Out.WriteLine(report.ToJsonString(JsonSerializerOptions.Web));
        else
        {
            var table = new Table().AddColumns("Story", "Result", "First divergence");
            foreach (var story in stories)
                table.AddRow(Markup.Escape(story!["story"]!.GetValue<string>()), story["passed"]!.GetValue<bool>() ? "[green]passed[/]" : "[red]failed[/]",
                    Markup.Escape(Divergence(story["firstDivergence"])));
            console.Write(table);
            console.MarkupLine($"{report["passed"]} passed, {failed} failed" + (settings.Out is null ? "" : $"; HTML report: {Markup.Escape(settings.Out)}"));
        }
        return failed > 0 ? 1 : 0;
    }

    private static string Divergence(JsonNode? divergence) => divergence is null ? "" :
        $"step {divergence["step"]}: expected {divergence["kind"]} {divergence["expected"]}, predicted {divergence["predicted"]}";

    private static string Html(string bot, JsonArray stories)
    {
        var html = new StringBuilder($"<!doctype html><meta charset=\"utf-8\"><title>Story tests: {WebUtility.HtmlEncode(bot)}</title>")
            .Append("<style>body{font:14px sans-serif}td,th{padding:4px 8px;border-bottom:1px solid #ddd}.failed{color:#b00}.passed{color:#070}</style>")
            .Append($"<h1>Story tests of {WebUtility.HtmlEncode(bot)}</h1><table><tr><th>Story</th><th>Result</th><th>First divergence</th></tr>");
        foreach (var story in stories)
        {
            var passed = story!["passed"]!.GetValue<bool>();
            html.Append($"<tr><td>{WebUtility.HtmlEncode(story["story"]!.GetValue<string>())}</td><td class=\"{(passed ? "passed" : "failed")}\">{(passed ? "passed" : "failed")}</td>")
                .Append($"<td>{WebUtility.HtmlEncode(Divergence(story["firstDivergence"]))}</td></tr>");
        }
        return html.Append("</table>").ToString();
    }
}
