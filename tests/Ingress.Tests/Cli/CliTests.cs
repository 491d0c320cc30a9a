using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Cli;

/// <summary>The <c>chatbot</c> CLI, each command run as a process against a running Ingress.</summary>
public sealed class CliTests(CliHost host) : IClassFixture<CliHost>
{
    private static string AicfFile(string name) => Path.Combine(AppContext.BaseDirectory, "Files", "aicf", name);

    private string Write(string name, object bot)
    {
        var file = Path.Combine(host.Folder, name);
        File.WriteAllText(file, JsonSerializer.Serialize(bot, JsonSerializerOptions.Web));
        return file;
    }

    private static object Bot(params (string Intent, string[] Phrases)[] intents) => new
    {
        intents = intents.Select(i => new
        {
            name = i.Intent, intentId = i.Intent, speechResponse = $"This is {i.Intent}.", parameters = Array.Empty<object>(),
            trainingData = i.Phrases.Select(p => new { text = p, entities = Array.Empty<object>() }),
        }),
        entities = Array.Empty<object>(),
    };

    [Fact]
    public async Task A_rasa_project_folder_imports_trains_and_its_test_stories_are_reported_one_by_one()
    {
        var formbot = Path.Combine(AppContext.BaseDirectory, "Files", "rasa-projects", "formbot");

        var imported = await host.RunAsync("import", "cli-formbot", formbot, "--format", "rasa");
        var trained = await host.RunAsync("train", "cli-formbot", "--wait");
        var tested = await host.RunAsync("test", "cli-formbot", "--stories", Path.Combine(formbot, "tests", "test_stories.yml"), "--json");
        var table = await host.RunAsync("test", "cli-formbot", "--stories", Path.Combine(formbot, "tests", "test_stories.yml"), "--out", "stories.html");

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.True(trained.ExitCode == 0, trained.ToString());
        var report = JsonNode.Parse(tested.Output)!;
        var stories = report["stories"]!.AsArray();
        Assert.Equal(["Happy path", "Happy path with message providing requested value", "unhappy path"], stories.Select(s => s!["story"]!.GetValue<string>()));
        // Whatever the verdicts, they are consistent: the exit code, the counts and each failed story's first divergence.
        var failed = stories.Count(s => !s!["passed"]!.GetValue<bool>());
        Assert.Equal(failed, report["failed"]!.GetValue<int>());
        Assert.Equal(failed > 0 ? 1 : 0, tested.ExitCode);
        Assert.All(stories.Where(s => !s!["passed"]!.GetValue<bool>()), s => Assert.NotNull(s!["firstDivergence"]?["expected"]));
        Assert.Contains("Happy path", table.Output);
        Assert.Contains("<td>Happy path</td>", await File.ReadAllTextAsync(Path.Combine(host.Folder, "stories.html")));
    }

    [Fact]
    public async Task A_bot_created_twice_says_it_exists_and_bots_set_changes_only_what_it_names()
    {
        await host.RunAsync("bots", "create", "cli-twice", "--name", "Shop assistant");

        var again = await host.RunAsync("bots", "create", "cli-twice", "--name", "Shop assistant");
        var set = await host.RunAsync("bots", "set", "cli-twice", "--action-hosts", "api.example.com,orders.internal:8080");
        var help = await host.RunAsync("bots", "create", "--help");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Errors);
        Assert.DoesNotContain("JsonObject", again.Errors);
        Assert.True(set.ExitCode == 0, set.ToString());
        using var http = new HttpClient { BaseAddress = new Uri(host.Url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", IngressFactory.ApiKey);
        var bot = JsonNode.Parse(await http.GetStringAsync("/api/bots/cli-twice"))!;
        Assert.Equal("Shop assistant", bot["name"]!.GetValue<string>());
        Assert.Equal(["api.example.com", "orders.internal:8080"], bot["actionHosts"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.Contains("--name \"Shop assistant\"", help.Output);
    }

    [Fact]
    public async Task Bots_are_created_listed_and_deleted()
    {
        var created = await host.RunAsync("bots", "create", "cli-crud", "--name", "Crud");
        var listed = await host.RunAsync("bots", "list");
        var deleted = await host.RunAsync("bots", "delete", "cli-crud");
        var again = await host.RunAsync("bots", "list");
        var missing = await host.RunAsync("bots", "delete", "cli-crud");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("cli-crud", listed.Output);
        Assert.Contains("demo", listed.Output);
        Assert.Equal(0, deleted.ExitCode);
        Assert.DoesNotContain("cli-crud", again.Output);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("404", missing.Errors);
    }

    [Fact]
    public async Task A_file_is_validated_imported_and_exported_and_a_bad_one_is_refused_with_its_errors()
    {
        var bad = Write("bad.json", Bot(("hello", ["hi there", "hello"]), ("bye", ["hi there", "goodbye"])));

        var valid = await host.RunAsync("data", "validate", "cli-food", AicfFile("restaurant_search.json"));
        var refused = await host.RunAsync("data", "validate", "cli-food", bad);
        var imported = await host.RunAsync("import", "cli-food", AicfFile("restaurant_search.json"));
        var exported = await host.RunAsync("export", "cli-food", "--out", "food.json");

        Assert.True(valid.ExitCode == 0, valid.ToString());
        Assert.Contains("valid", valid.Output);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("The same phrase trains intents 'hello' and 'bye'", refused.Errors);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("intents", imported.Output);
        Assert.Equal(0, exported.ExitCode);
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(host.Folder, "food.json")))!;
        Assert.Contains(file["intents"]!.AsArray(), i => i!["intentId"]!.GetValue<string>() == "restaurant_search");
    }

    [Fact]
    public async Task Train_wait_reports_the_published_model_and_exits_non_zero_when_the_gate_refuses_the_next()
    {
        string[] Phrases(string what) => [.. Enumerable.Range(1, 8).Select(i => $"{what} please {new[] { "now", "today", "soon", "again", "here", "quickly", "kindly", "thanks" }[i - 1]}")];
        var clean = Write("clean.json", Bot(("weather", Phrases("tell me the weather")), ("music", Phrases("play some music")), ("news", Phrases("read me the news"))));
        // The same three intents taught with phrases that cannot tell them apart: held-out accuracy falls.
        string[] Muddled(int from) => [.. Enumerable.Range(from, 8).Select(i => $"do the thing number {i}")];
        var muddled = Write("muddled.json", Bot(("weather", Muddled(1)), ("music", Muddled(9)), ("news", Muddled(17))));

        await host.RunAsync("import", "cli-gate", clean);
        var published = await host.RunAsync("train", "cli-gate", "--wait");
        await host.RunAsync("import", "cli-gate", muddled);
        var refused = await host.RunAsync("train", "cli-gate", "--wait");

        Assert.True(published.ExitCode == 0, published.ToString());
        Assert.Contains("Published", published.Output);
        Assert.Contains("held-out accuracy", published.Output);
        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.Contains("Refused by the gate", refused.Errors);
    }

    [Fact]
    public async Task Test_cross_validates_the_demo_bot_with_a_report_per_intent_as_text_json_and_html()
    {
        var text = await host.RunAsync("test", "demo", "--folds", "5", "--out", "report.html");
        var json = await host.RunAsync("test", "demo", "--folds", "5", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("5-fold cross-validation", text.Output);
        Assert.Contains("intent accuracy", text.Output);
        foreach (var intent in new[] { "greet", "order_status", "thanks", "goodbye", "cancel" })
            Assert.Contains(intent, text.Output);
        var report = JsonNode.Parse(json.Output)!;
        Assert.Equal(44, report["phrases"]!.GetValue<int>());
        Assert.InRange(report["accuracy"]!.GetValue<double>(), 0.7, 1.0);
        Assert.Equal(5, report["intents"]!.AsArray().Count);
        Assert.All(report["intents"]!.AsArray(), i => Assert.InRange(i!["f1"]!.GetValue<double>(), 0.0, 1.0));
        var html = await File.ReadAllTextAsync(Path.Combine(host.Folder, "report.html"));
        Assert.Contains("id=\"confusion\"", html);
        Assert.Contains("order_status", html);
    }

    [Fact]
    public async Task Conversations_export_waits_for_the_export_and_downloads_the_turns()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Url) };
        var sent = await http.PostAsync("/webhooks/rest/demo",
            new StringContent("""{"sender": "cli-export", "message": "hello"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(sent.IsSuccessStatusCode);
        http.DefaultRequestHeaders.Add("X-Api-Key", IngressFactory.ApiKey);
        await Chat.TurnsAsync(http, "cli-export", 1);

        var run = await host.RunAsync("conversations", "export", "demo", "--from", DateTimeOffset.UtcNow.AddHours(-1).ToString("O"), "--out", "turns.ndjson.gz");

        Assert.True(run.ExitCode == 0, run.ToString());
        await using var file = new GZipStream(File.OpenRead(Path.Combine(host.Folder, "turns.ndjson.gz")), CompressionMode.Decompress);
        var lines = (await new StreamReader(file).ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.Contains("cli-export", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_shell_answers_under_tmux_with_the_intent_and_the_bots_reply()
    {
        var tmux = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "tmux")).FirstOrDefault(File.Exists);
        Assert.SkipWhen(tmux is null, "tmux is not installed (apt-get install tmux).");
        var session = $"cli{Guid.NewGuid():N}"[..12];
        await Tmux(tmux!, "new-session", "-d", "-s", session, "-x", "160", "-y", "40", host.CommandLine("shell", "demo"));
        try
        {
            await WaitForPaneAsync(tmux!, session, "Talking to");
            await Tmux(tmux!, "send-keys", "-t", session, "where is my order", "Enter");
            var pane = await WaitForPaneAsync(tmux!, session, "order_status");

            Assert.Contains("bot>", pane);
            Assert.Contains("order number", pane, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await Tmux(tmux!, "kill-session", "-t", session);
        }
    }

    private static async Task<string> Tmux(string tmux, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(tmux, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static async Task<string> WaitForPaneAsync(string tmux, string session, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string pane;
        while (!(pane = await Tmux(tmux, "capture-pane", "-p", "-t", session)).Contains(text, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.True(pane.Contains(text, StringComparison.Ordinal), $"The shell never showed \"{text}\":\n{pane}");
        return pane;
    }
}
