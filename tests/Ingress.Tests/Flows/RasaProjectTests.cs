using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// Rasa's own example projects (Files/rasa-projects, copied unchanged) imported whole — domain, nlu, rules, stories —
/// trained, and talked to over the REST webhook: they answer as their rules and stories say.
/// </summary>
public sealed class RasaProjectTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private static string Project(string name) => Path.Combine(AppContext.BaseDirectory, "Files", "rasa-projects", name);

    /// <summary>The project's YAML files as one multipart import; extra documents (an endpoints.yml) may be added.</summary>
    public static MultipartFormDataContent Files(string project, params (string Name, string Yaml)[] extra)
    {
        var form = new MultipartFormDataContent();
        foreach (var file in new[] { "domain.yml", "data/nlu.yml", "data/rules.yml", "data/stories.yml" }.Select(f => Path.Combine(Project(project), f)).Where(File.Exists))
        {
            var part = new ByteArrayContent(File.ReadAllBytes(file));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
            form.Add(part, "files", Path.GetFileName(file));
        }
        foreach (var (name, yaml) in extra)
            form.Add(new StringContent(yaml), "files", name);
        return form;
    }

    private async Task<JsonElement> ImportAsync(string botId, string project)
    {
        var response = await ingress.Factory.CreateAdminClient().PostAsync($"/api/bots/{botId}/import?format=rasa", Files(project));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        await ingress.Factory.TrainAsync(botId);
        return summary;
    }

    private async Task<(string[] Replies, string[] Buttons)> SayAsync(string botId, string user, string text, int turn)
    {
        await Chat.SendAsync(ingress.Factory.CreateClient(), user, text, botId);
        var view = await Chat.TurnsAsync(ingress.Factory.CreateAdminClient(), user, turn, botId);
        var answered = view.Turns[turn - 1];
        return ([.. answered.Replies], [.. (answered.Buttons ?? []).Select(b => b.Title)]);
    }

    [Fact]
    public async Task Moodbot_imports_without_warnings_and_talks_as_its_rules_and_stories_say()
    {
        var summary = await ImportAsync("moodbot", "moodbot");
        Assert.Equal(0, summary.GetProperty("warnings").GetArrayLength());

        var greeted = await SayAsync("moodbot", "sad-user", "hi", 1);
        Assert.Equal(["Hey! How are you?"], greeted.Replies);
        Assert.Equal(["great", "super sad"], greeted.Buttons);
        Assert.Equal(["Here is something to cheer you up:", "https://i.imgur.com/iPa8HCj.jpeg", "Did that help you?"],
            (await SayAsync("moodbot", "sad-user", "I am sad", 2)).Replies);
        Assert.Equal(["Bye"], (await SayAsync("moodbot", "sad-user", "no", 3)).Replies);

        await SayAsync("moodbot", "helped-user", "hello", 1);
        await SayAsync("moodbot", "helped-user", "very sad", 2);
        Assert.Equal(["I am a bot, powered by Rasa."], (await SayAsync("moodbot", "helped-user", "are you a bot?", 3)).Replies);
        Assert.Equal(["Great, carry on!"], (await SayAsync("moodbot", "helped-user", "yes", 4)).Replies);
    }

    [Fact]
    public async Task Formbot_fills_its_form_through_the_action_server_handles_chitchat_and_stop()
    {
        await using var actions = await FormbotActionServer.StartAsync();
        var admin = ingress.Factory.CreateAdminClient();
        var endpoints = $"action_endpoint:\n  url: \"{actions.Url}\"\n";
        var import = await admin.PostAsync("/api/bots/formbot/import?format=rasa", Files("formbot", ("endpoints.yml", endpoints)));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var warnings = (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("message").GetString()!).ToList();
        Assert.DoesNotContain(warnings, w => w.Contains("not supported") || w.Contains("not imported") || w.Contains("cannot run") || w.Contains("need an action server"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/bots/formbot", new { id = "formbot", name = "Formbot", actionHosts = new[] { actions.Authority } })).StatusCode);
        await ingress.Factory.TrainAsync("formbot");

        var turn = 0;
        async Task<string[]> Say(string user, string text) => (await SayAsync("formbot", user, text, ++turn)).Replies;
        Assert.Equal(["What cuisine?"], await Say("diner", "im looking for a restaurant"));
        Assert.Equal(["Cuisine type is not in the database, please try again", "What cuisine?"], await Say("diner", "swedish"));
        Assert.Equal(["How many people?"], await Say("diner", "chinese"));
        Assert.Equal(["chitchat", "How many people?"], await Say("diner", "can you share your boss with me?"));
        Assert.Equal(["Do you want to sit outside?"], await Say("diner", "for four people"));
        Assert.Equal(["Please provide additional preferences"], await Say("diner", "yes"));
        Assert.Equal(["Please give your feedback on your experience so far"], await Say("diner", "no"));
        var done = await Say("diner", "it was great");
        Assert.Equal("All done!", done[0]);
        Assert.Contains("- cuisine: chinese", done[1]);
        Assert.Contains("- num_people: 4", done[1]);
        Assert.Contains("- outdoor_seating: True", done[1]);
        Assert.Contains("- preferences: no additional preferences", done[1]);
        // Its first mapping is from_entity: the tagger finds "great" as the feedback entity, as Rasa's would.
        Assert.Matches("- feedback: (it was )?great", done[1]);

        turn = 0;
        Assert.Equal(["What cuisine?"], await Say("quitter", "im looking for a restaurant"));
        Assert.Equal(["Do you want to continue?"], await Say("quitter", "stop"));
        await Say("quitter", "no");
        var view = await Chat.TurnsAsync(admin, "quitter", 3, "formbot");
        Assert.NotEqual(Contracts.DialogueStates.AwaitingParameter, view.Turns[2].DialogueState);
    }

    [Theory]
    [InlineData("moodbot")]
    [InlineData("formbot")]
    public async Task Export_import_export_gives_the_same_project(string project)
    {
        var admin = ingress.Factory.CreateAdminClient();
        var botId = $"{project}-trip";
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/bots/{botId}/import?format=rasa", Files(project))).StatusCode);
        var first = await admin.GetStringAsync($"/api/bots/{botId}/export?format=rasa");

        var again = new StringContent(first);
        again.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/bots/{botId}-2/import?format=rasa", again)).StatusCode);
        var second = await admin.GetStringAsync($"/api/bots/{botId}-2/export?format=rasa");

        Assert.Equal(first, second);
        Assert.Contains("rules:", first);
        Assert.Contains("stories:", first);
    }

    [Fact]
    public async Task A_domain_sent_alone_keeps_the_phrases_unless_replace_is_asked()
    {
        var admin = ingress.Factory.CreateAdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/bots/partial/import?format=rasa", Files("moodbot"))).StatusCode);
        var phrases = await PhraseCountAsync(admin, "partial");
        var domain = new StringContent(File.ReadAllText(Path.Combine(Project("moodbot"), "domain.yml")));
        domain.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/bots/partial/import?format=rasa", domain)).StatusCode);
        Assert.Equal(phrases, await PhraseCountAsync(admin, "partial"));

        var replacing = new StringContent(File.ReadAllText(Path.Combine(Project("moodbot"), "domain.yml")));
        replacing.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/bots/partial/import?format=rasa&replace=true", replacing)).StatusCode);
        Assert.Equal(0, await PhraseCountAsync(admin, "partial"));
    }

    private static async Task<int> PhraseCountAsync(HttpClient admin, string botId) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/bots/{botId}/intents")).EnumerateArray().Sum(i => i.GetProperty("trainingData").GetArrayLength());

    [Theory]
    [InlineData("serving gastro pub", "gastropub")]
    [InlineData("asian oriental food", "asian")]
    public async Task Inline_synonyms_apply_to_what_the_tagger_finds(string text, string cuisine)
    {
        var admin = ingress.Factory.CreateAdminClient();
        if ((await admin.GetAsync("/api/bots/formbot-synonyms/model")).StatusCode != HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/bots/formbot-synonyms/import?format=rasa", Files("formbot"))).StatusCode);
            await ingress.Factory.TrainAsync("formbot-synonyms");
        }
        var user = $"synonym-{cuisine}";

        await Chat.SendAsync(ingress.Factory.CreateClient(), user, text, "formbot-synonyms");
        var turn = Assert.Single((await Chat.TurnsAsync(admin, user, 1, "formbot-synonyms")).Turns);

        Assert.Contains(turn.Entities, e => e.Entity == "cuisine" && e.Value == cuisine);
    }

    [Fact]
    public async Task Moodbots_own_stories_replayed_as_test_stories_all_pass_and_a_wrong_one_fails_at_its_step()
    {
        if ((await ingress.Factory.CreateAdminClient().GetAsync("/api/bots/moodbot/model")).StatusCode != HttpStatusCode.OK)
            await ImportAsync("moodbot", "moodbot");
        var admin = ingress.Factory.CreateAdminClient();
        var stories = File.ReadAllText(Path.Combine(Project("moodbot"), "data", "stories.yml"));
        var wrong = """
            stories:
            - story: greeted then asked
              steps:
              - user: hello there
                intent: greet
              - action: utter_greet
              - user: are you a bot?
                intent: bot_challenge
              - action: utter_happy
            """;

        var passed = await (await admin.PostAsync("/api/bots/moodbot/stories/test", new StringContent(stories))).Content.ReadFromJsonAsync<JsonElement>();
        var failed = await (await admin.PostAsync("/api/bots/moodbot/stories/test", new StringContent(wrong))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((3, 0), (passed.GetProperty("passed").GetInt32(), passed.GetProperty("failed").GetInt32()));
        var divergence = failed.GetProperty("stories")[0].GetProperty("firstDivergence");
        Assert.Equal((4, "action", "utter_happy", "utter_iamabot"),
            (divergence.GetProperty("step").GetInt32(), divergence.GetProperty("kind").GetString(), divergence.GetProperty("expected").GetString(), divergence.GetProperty("predicted").GetString()));
    }

    [Fact]
    public async Task A_project_zipped_or_tarred_imports_as_its_folder_does()
    {
        var admin = ingress.Factory.CreateAdminClient();
        var zip = new MemoryStream();
        System.IO.Compression.ZipFile.CreateFromDirectory(Project("formbot"), zip, System.IO.Compression.CompressionLevel.Fastest, includeBaseDirectory: true);
        var tar = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(tar, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            await System.Formats.Tar.TarFile.CreateFromDirectoryAsync(Project("moodbot"), gzip, includeBaseDirectory: false);

        var zipped = await admin.PostAsync("/api/bots/zipped/import?format=rasa&dryRun=true", new ByteArrayContent(zip.ToArray()));
        var tarred = await admin.PostAsync("/api/bots/tarred/import?format=rasa&dryRun=true", new ByteArrayContent(tar.ToArray()));

        Assert.Equal(HttpStatusCode.OK, zipped.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tarred.StatusCode);
        Assert.Equal(9, (await zipped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intents").GetInt32());
        Assert.Equal(7, (await tarred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intents").GetInt32());
    }

    [Fact]
    public async Task A_retrieval_intent_is_answered_by_the_response_of_its_sub_intent()
    {
        const string project = """
            version: "3.1"
            nlu:
            - intent: greet
              examples: |
                - hi
                - hello
                - hey there
            - intent: faq/ask_name
              examples: |
                - what is your name
                - who are you
                - what should I call you
            - intent: faq/ask_hours
              examples: |
                - when are you open
                - what are your opening hours
                - are you open on sunday
            responses:
              utter_greet:
              - text: "Hello!"
              utter_faq/ask_name:
              - text: "I am the FAQ bot."
              utter_faq/ask_hours:
              - text: "We are open 9 to 5."
            rules:
            - rule: answer faqs
              steps:
              - intent: faq
              - action: utter_faq
            - rule: greet
              steps:
              - intent: greet
              - action: utter_greet
            """;
        var admin = ingress.Factory.CreateAdminClient();
        var import = await admin.PostAsync("/api/bots/faqbot/import?format=rasa", new StringContent(project));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(0, (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").GetArrayLength());
        await ingress.Factory.TrainAsync("faqbot");

        Assert.Equal(["We are open 9 to 5."], (await SayAsync("faqbot", "faq-user", "what are your opening hours", 1)).Replies);
        Assert.Equal(["I am the FAQ bot."], (await SayAsync("faqbot", "faq-user", "what is your name", 2)).Replies);
    }
}
