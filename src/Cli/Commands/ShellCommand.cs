using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ChatbotPipeline.Cli.Commands;

/// <summary>
/// <c>chatbot shell BOT</c>: talk to a bot from the terminal. Each line goes to the REST webhook as one conversation's
/// message; the replies come back on the conversation's server-sent event stream and are shown with the intent, the
/// confidence and the buttons (answer with a button's number to press it). An empty line or /exit ends.
/// </summary>
public sealed class ShellCommand(IAnsiConsole console) : ApiCommand<BotSettings>(console)
{
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(15);

    protected override async Task<int> RunAsync(ApiClient api, BotSettings settings, CancellationToken cancellationToken)
    {
        var bot = Uri.EscapeDataString(settings.Bot);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A web-chat session: the server names the conversation and signs the token that opens its reply stream.
        var session = await (await api.SendAsync(() => api.Http.PostAsync($"chat/{bot}/sessions", null, stop.Token))).Content.ReadFromJsonAsync<JsonElement>(stop.Token);
        var conversation = session.GetProperty("conversationId").GetString()!;
        var token = session.GetProperty("token").GetString()!;
        var replies = Channel.CreateUnbounded<JsonElement>();
        using var stream = await api.SendAsync(() => api.Http.GetAsync(session.GetProperty("events").GetString()!.TrimStart('/'), HttpCompletionOption.ResponseHeadersRead, stop.Token));
        var reading = ReadEventsAsync(await stream.Content.ReadAsStreamAsync(stop.Token), replies.Writer, stop.Token);
        Console.MarkupLine($"Talking to [bold]{Escaped(settings.Bot)}[/] as {conversation}. An empty line or /exit ends.");
        string[] buttons = [];
        while (true)
        {
            Console.Markup("[blue]you>[/] ");
            var line = System.Console.ReadLine()?.Trim();
            if (string.IsNullOrEmpty(line) || line == "/exit")
                break;
            // A button's number sends its payload, as a pressed button would.
            var text = int.TryParse(line, CultureInfo.InvariantCulture, out var pressed) && pressed >= 1 && pressed <= buttons.Length ? buttons[pressed - 1] : line;
            var accepted = await (await api.SendAsync(() => api.Http.SendAsync(Post(bot, conversation, token, text), stop.Token)))
                .Content.ReadFromJsonAsync<JsonElement>(stop.Token);
            buttons = await ShowReplyAsync(replies.Reader, accepted.GetProperty("messageId").GetString()!, stop.Token);
        }
        await stop.CancelAsync();
        await reading;
        return 0;
    }

    /// <summary>A message posted as the session's conversation, with the token that asks for its replies on the stream.</summary>
    private static HttpRequestMessage Post(string bot, string conversation, string token, string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/rest/{bot}") { Content = JsonContent.Create(new { sender = conversation, message = text }) };
        request.Headers.Add("X-Chat-Session", token);
        return request;
    }

    /// <summary>Prints the reply to one message (skipping late replies to earlier ones) and gives its buttons' payloads.</summary>
    private async Task<string[]> ShowReplyAsync(ChannelReader<JsonElement> replies, string messageId, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(ReplyWait);
        try
        {
            while (true)
            {
                var reply = await replies.ReadAsync(wait.Token);
                if (reply.GetProperty("messageId").GetString() != messageId)
                    continue;
                foreach (var message in reply.GetProperty("messages").EnumerateArray())
                    Console.MarkupLine($"[green]bot>[/] {Escaped(message.GetString())}");
                var buttons = reply.GetProperty("buttons").EnumerateArray().ToList();
                for (var i = 0; i < buttons.Count; i++)
                    Console.MarkupLine($"     [[{i + 1}]] {Escaped(buttons[i].GetProperty("title").GetString())}");
                Console.MarkupLine($"[grey]     {Escaped(reply.GetProperty("intent").GetString())} {reply.GetProperty("confidence").GetDouble().ToString("P0", CultureInfo.InvariantCulture)} · {Escaped(reply.GetProperty("dialogueState").GetString())}[/]");
                return [.. buttons.Select(b => b.GetProperty("payload").GetString()!)];
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Console.MarkupLine($"[yellow]No reply within {ReplyWait.TotalSeconds:0} s[/] (is the bot trained? chatbot train BOT --wait).");
            return [];
        }
    }

    /// <summary>Reads <c>event: reply</c> / <c>data: …</c> pairs off the stream until it ends or the shell stops.</summary>
    private static async Task ReadEventsAsync(Stream stream, ChannelWriter<JsonElement> replies, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        var kind = "";
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                    kind = line[6..].Trim();
                else if (line.StartsWith("data:", StringComparison.Ordinal) && kind == "reply")
                    await replies.WriteAsync(JsonSerializer.Deserialize<JsonElement>(line[5..]), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        replies.TryComplete();
    }
}
