using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>
/// A Rasa project (e.g. ../shared/bots/rasa/moodbot) as a second bot in the same pipeline: imported whole (domain, data),
/// trained, and talked to with a script made from its first story — each user step's intent said with that intent's
/// first example — so its dialogue (rules, stories) decides every answer.
/// </summary>
internal static partial class RasaBotRun
{
    public const string BotId = "rasa-bench";
    private const string AdminKey = "bench-admin-key-0123456789";

    public static async Task ImportAndTrainAsync(HttpClient http, string ingressUrl, string project)
    {
        var form = new MultipartFormDataContent();
        var files = new[] { "domain.yml", "data/nlu.yml", "data/rules.yml", "data/stories.yml" }.Select(f => Path.Combine(Path.GetFullPath(project), f)).Where(File.Exists).ToList();
        if (files.Count == 0)
            throw new FileNotFoundException($"No domain.yml or data/*.yml under {Path.GetFullPath(project)}.");
        foreach (var file in files)
        {
            var part = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
            form.Add(part, "files", Path.GetFileName(file));
        }
        await SendAsync(http, HttpMethod.Post, $"{ingressUrl}/api/bots/{BotId}/import?format=rasa", form);
        await SendAsync(http, HttpMethod.Post, $"{ingressUrl}/api/bots/{BotId}/train", null);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            using var model = new HttpRequestMessage(HttpMethod.Get, $"{ingressUrl}/api/bots/{BotId}/model") { Headers = { { "X-Api-Key", AdminKey } } };
            if ((await http.SendAsync(model)).IsSuccessStatusCode)
                return;
            await Task.Delay(250);
        }
        throw new TimeoutException($"The Rasa bot {BotId} was not trained within 5 minutes.");
    }

    /// <summary>The first story's user turns, each as its intent's first example.</summary>
    public static string[] Script(string project)
    {
        var nlu = File.ReadAllText(Path.Combine(project, "data", "nlu.yml"));
        var firstExample = IntentBlock().Matches(nlu).ToDictionary(m => m.Groups["intent"].Value, m => m.Groups["example"].Value.Trim());
        var stories = File.ReadAllText(Path.Combine(project, "data", "stories.yml"));
        var firstStory = stories.Split("- story:", StringSplitOptions.RemoveEmptyEntries).Skip(1).First();
        return [.. StoryIntent().Matches(firstStory).Select(m => m.Groups["intent"].Value.Trim()).Where(firstExample.ContainsKey).Select(i => firstExample[i])];
    }

    private static async Task SendAsync(HttpClient http, HttpMethod method, string url, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content, Headers = { { "X-Api-Key", AdminKey } } };
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [GeneratedRegex(@"- intent: (?<intent>\S+)\s+examples: \|\s+- (?<example>[^\n]+)")]
    private static partial Regex IntentBlock();

    [GeneratedRegex(@"- intent: (?<intent>[^\n]+)")]
    private static partial Regex StoryIntent();
}
