using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared;
using ChatbotPipeline.Tests.Shared.Fuzz;

namespace ChatbotPipeline.Ingress.Tests.Security;

/// <summary>
/// The README's pipeline as its own process (the embedded default: Ingress with the consumers and the trainer inside),
/// attacked over HTTP as a stranger and as a careless or hostile bot author would. After every case the process must
/// still be running and answering: a stack overflow or an out-of-memory kill would end it, which no catch can prevent.
/// </summary>
[Trait("Category", "Security")]
public sealed class AttackedProcessTests(AttackedProcessTests.Pipeline pipeline) : IClassFixture<AttackedProcessTests.Pipeline>
{
    /// <summary>The pipeline's default fallback, which a bot without its own answers with.</summary>
    private static readonly string[] SystemIntentsFallback = Nlu.Templates.ReplyMarkup.FromHtml(Nlu.Definitions.SystemIntents.DefaultFallbackResponse)
        .Split("###", StringSplitOptions.TrimEntries);

    private static readonly string Nested =
        string.Concat(Enumerable.Repeat("{% if true %}", 5_000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 5_000));

    private static object Intent(string id, string speechResponse, params string[] phrases) => new
    {
        name = id, intentId = id, speechResponse, parameters = Array.Empty<object>(),
        trainingData = phrases.Select(text => new { text, entities = Array.Empty<object>() }).ToArray(),
    };

    [Fact]
    public async Task A_template_of_5000_nested_blocks_is_refused_on_every_write_path_and_the_process_lives()
    {
        var file = new { intents = new[] { Intent("greet", "Hi", "hi", "hello"), Intent("deep", Nested, "deep one", "deep two") }, entities = Array.Empty<object>() };

        var dryRun = await pipeline.Admin.PostAsJsonAsync("/api/bots/nest/import?dryRun=true", file);
        var import = await pipeline.Admin.PostAsJsonAsync("/api/bots/nest/import", file);
        var intent = await pipeline.Admin.PutAsJsonAsync("/api/bots/demo/intents/greet", Intent("greet", Nested, "hi"));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { dryRun.StatusCode, import.StatusCode, intent.StatusCode });
        await pipeline.AssertAliveAsync();
    }

    [Fact]
    public async Task A_template_that_hits_a_render_limit_answers_the_fallback_with_a_log_line_naming_bot_and_intent()
    {
        await pipeline.FuzzBotAsync();
        Assert.Equal(HttpStatusCode.OK, (await pipeline.Admin.PutAsJsonAsync("/api/bots/fuzz/intents/fuzz",
            Intent("fuzz", "{% for i in (1..100000000) %}x{% endfor %}", Pipeline.FuzzPhrases))).StatusCode);

        var turn = await pipeline.SayAsync("limit-user", "please fuzz me");

        Assert.Equal("fuzz", turn.GetProperty("intent").GetString());
        Assert.Equal(SystemIntentsFallback, turn.GetProperty("replies").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Contains("Template of bot fuzz, intent fuzz was not rendered", pipeline.Process.Output);
        await pipeline.AssertAliveAsync();
    }

    [Fact]
    public async Task A_yaml_alias_bomb_is_refused_in_under_a_second_and_100_megabytes()
    {
        var yaml = new StringBuilder("version: \"3.1\"\nanchor: &b \"").Append('x', 16 * 1024).Append("\"\nnlu:\n- intent: bomb\n  examples:\n");
        for (var i = 0; i < 100_000; i++)
            yaml.Append("  - *b\n");
        var peakBefore = pipeline.PeakRssBytes();
        var clock = Stopwatch.StartNew();

        Task<HttpResponseMessage> Import() =>
            pipeline.Admin.PostAsync("/api/bots/bomb/import?format=rasa&dryRun=true", new StringContent(yaml.ToString(), Encoding.UTF8, "application/yaml"));
        var response = await Import();
        var elapsed = await WallClockBound.RetimedAsync(clock.Elapsed, TimeSpan.FromSeconds(1), Import);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed}");
        Assert.True(pipeline.PeakRssBytes() - peakBefore < 100L * 1024 * 1024, $"peak RSS grew by {(pipeline.PeakRssBytes() - peakBefore) / 1024 / 1024} MiB");
        await pipeline.AssertAliveAsync();
    }

    [Fact]
    public async Task Random_templates_through_the_intent_api_and_the_pipeline_never_get_a_5xx_or_stop_it()
    {
        await pipeline.FuzzBotAsync();
        var fuzz = new LiquidFuzz(seed: 20);
        var budget = Stopwatch.StartNew();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200 && budget.Elapsed < TimeSpan.FromSeconds(30); i++)
        {
            var response = await pipeline.Admin.PutAsJsonAsync("/api/bots/fuzz/intents/fuzz", Intent("fuzz", fuzz.Next(), Pipeline.FuzzPhrases));
            statuses.Add(response.StatusCode);
            // Every tenth stored template is rendered by a user's message: it answers, whatever it is.
            if (response.StatusCode == HttpStatusCode.OK && i % 10 == 0)
                Assert.NotEqual(0, (await pipeline.SayAsync($"fuzz-{i}", "please fuzz me")).GetProperty("replies").GetArrayLength());
        }

        Assert.DoesNotContain(statuses, status => (int)status >= 500);
        Assert.Contains(HttpStatusCode.OK, statuses);
        await pipeline.AssertAliveAsync();
    }

    [Fact]
    public async Task Random_yaml_documents_against_the_import_never_get_a_5xx_or_stop_it()
    {
        var fuzz = new YamlFuzz(seed: 7);
        var budget = Stopwatch.StartNew();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 150 && budget.Elapsed < TimeSpan.FromSeconds(30); i++)
        {
            var clock = Stopwatch.StartNew();
            var document = fuzz.Next();
            Task<HttpResponseMessage> Import() => pipeline.Admin.PostAsync("/api/bots/yaml-fuzz/import?format=rasa&dryRun=true",
                new StringContent(document, Encoding.UTF8, "application/yaml"));
            var response = await Import();
            var elapsed = await WallClockBound.RetimedAsync(clock.Elapsed, TimeSpan.FromSeconds(3), Import);
            statuses.Add(response.StatusCode);
            Assert.True(elapsed < TimeSpan.FromSeconds(3), $"document {i} took {elapsed}");
            Assert.True((int)response.StatusCode < 500, $"document {i} got {response.StatusCode}:\n{document[..Math.Min(document.Length, 2000)]}");
        }

        Assert.DoesNotContain(statuses, status => (int)status >= 500);
        await pipeline.AssertAliveAsync();
    }

    [Fact]
    public async Task Thousands_of_streams_without_a_token_are_refused_and_the_process_lives()
    {
        using var client = new HttpClient { BaseAddress = pipeline.Admin.BaseAddress };
        var answers = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => client.GetAsync($"/chat/demo/telegram:{i}/events", HttpCompletionOption.ResponseHeadersRead)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode));
        await pipeline.AssertAliveAsync();
    }

    /// <summary>One Ingress process for the class, and a trained two-intent bot to render fuzzed templates with.</summary>
    public sealed class Pipeline : IAsyncLifetime
    {
        public static readonly string[] FuzzPhrases = ["please fuzz me", "fuzz this", "run the fuzz", "fuzz please"];

        private readonly TempFolder _folder = new();
        private readonly SemaphoreSlim _botOnce = new(1, 1);
        private bool _botReady;

        public HostProcess Process { get; private set; } = null!;

        public HttpClient Admin { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
            Process = HostProcess.Start("Host", new Dictionary<string, string>(EmbeddedSettings.For(_folder.Path, url))
            {
                ["Ingress__SenderMessagesPerMinute"] = "0",
                ["Training__Encoder"] = "none",
            });
            Admin = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            Admin.DefaultRequestHeaders.Add("X-Api-Key", IngressFactory.ApiKey);
            await HostProcess.WaitForAsync(async () => (await Admin.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "Ingress ready", Process);
        }

        /// <summary>The bot <c>fuzz</c>, trained once: "please fuzz me" is its intent <c>fuzz</c>.</summary>
        public async Task FuzzBotAsync()
        {
            await _botOnce.WaitAsync();
            try
            {
                if (_botReady)
                    return;
                var file = new
                {
                    intents = new[] { Intent("greet", "Hello!", "hi", "hello", "good morning", "hey there"), Intent("fuzz", "Fuzzed.", FuzzPhrases) },
                    entities = Array.Empty<object>(),
                };
                Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync("/api/bots/fuzz/import", file)).StatusCode);
                Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync("/api/bots/fuzz/train", null)).StatusCode);
                await HostProcess.WaitForAsync(async () => (await Admin.GetAsync("/api/bots/fuzz/model")).StatusCode == HttpStatusCode.OK, "the fuzz bot trained", Process);
                _botReady = true;
            }
            finally
            {
                _botOnce.Release();
            }
        }

        /// <summary>Sends a message to the fuzz bot and gives its logged turn.</summary>
        public async Task<JsonElement> SayAsync(string sender, string message)
        {
            var sent = await Admin.PostAsJsonAsync("/webhooks/rest/fuzz", new { sender, message });
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            JsonElement turns = default;
            await HostProcess.WaitForAsync(async () =>
            {
                var response = await Admin.GetAsync($"/api/bots/fuzz/conversations/{sender}");
                if (response.StatusCode != HttpStatusCode.OK)
                    return false;
                turns = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("turns");
                return turns.GetArrayLength() > 0;
            }, $"the turn of {sender}", Process);
            return turns[turns.GetArrayLength() - 1];
        }

        /// <summary>The process's peak resident memory so far (VmHWM), in bytes.</summary>
        public long PeakRssBytes() =>
            long.Parse(File.ReadLines($"/proc/{Process.Id}/status").First(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

        public async Task AssertAliveAsync()
        {
            Assert.False(Process.HasExited, $"The Ingress process ended. Its output:\n{Process.Output}");
            Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/health/live")).StatusCode);
        }

        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            await Process.DisposeAsync();
            _folder.Dispose();
        }
    }
}
