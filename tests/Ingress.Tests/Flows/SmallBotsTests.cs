using System.Net;
using ChatbotPipeline.Ingress.Seeding;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// Small bots — the demo bot and ai-chatbot-framework's three, 3 to 15 phrases an intent — with the default encoder and
/// threshold: paraphrases none of their phrases contain are understood, and gibberish or questions about something
/// else fall back instead of landing on the nearest intent.
/// </summary>
public sealed class SmallBotsTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private const string Fallback = SystemIntents.Fallback;

    public static TheoryData<string?, string, (string Text, string Intent)[]> Bots => new()
    {
        {
            null, DemoBotSeeder.BotId,
            [
                ("hey bot, good afternoon", "greet"), ("where is my parcel", "order_status"), ("has my package been shipped yet", "order_status"),
                ("thank you so much", "thanks"), ("bye bye", "goodbye"), ("forget about it", "cancel"),
                ("zzqx plok vrrt", Fallback), ("what is the capital of france", Fallback), ("blah blah nonsense", Fallback),
                ("can you recommend a good movie", Fallback),
            ]
        },
        {
            "order_status.json", "small-order",
            [
                ("hi there", "init_conversation"), ("where is my package", "check_order_status"), ("status of my order please", "check_order_status"),
                ("please cancel", "cancel"), ("zzqx plok", Fallback), ("what will the weather be tomorrow", Fallback), ("sing me a song", Fallback),
            ]
        },
        {
            "restaurant_search.json", "small-food",
            [
                ("find me a chinese restaurant", "restaurant_search"), ("any good italian places in new york", "restaurant_search"),
                ("thanks a lot", "thank_you"), ("bye for now", "goodbye"), ("hello friend", "init_conversation"),
                ("qwrt zxcv", Fallback), ("how do i reset my password", Fallback), ("what is the capital of france", Fallback),
            ]
        },
        {
            "default_intents.json", "small-default",
            [
                ("hello friend", "init_conversation"), ("cancel it please", "cancel"),
                ("blah blah nonsense", Fallback), ("what time is it in tokyo", Fallback), ("my order has not arrived", Fallback),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Bots))]
    public async Task A_small_bot_understands_paraphrases_and_falls_back_on_what_it_was_not_taught(string? file, string botId, (string Text, string Intent)[] said)
    {
        var admin = ingress.Factory.CreateAdminClient();
        if (file is not null)
        {
            var content = new StringContent(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", "aicf", file)), System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/bots/{botId}/import", content)).StatusCode);
        }
        await ingress.Factory.TrainAsync(botId);

        var client = ingress.Factory.CreateClient();
        // One conversation per line, so no line is read as the answer to a question the one before it raised.
        for (var i = 0; i < said.Length; i++)
            await Chat.SendAsync(client, $"{botId}-{i}", said[i].Text, botId);
        var understood = new List<(string Text, string Intent)>();
        for (var i = 0; i < said.Length; i++)
            understood.Add((said[i].Text, (await Chat.TurnsAsync(admin, $"{botId}-{i}", 1, botId)).Turns[0].Intent));

        Assert.Equal(said, understood);
    }
}
