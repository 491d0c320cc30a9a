using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Bench.Bots;

/// <summary>
/// Bots shaped like the shared ai-chatbot-framework ones: a greeting, a goodbye, and four to eight topic intents of
/// five to twelve phrases each, drawn from a pool so bots differ in what they know and how many phrases they have.
/// </summary>
internal static class SyntheticBots
{
    private static readonly (string Intent, string[] Phrases)[] Topics =
    [
        ("order_status", ["where is my order", "track my order", "has my order shipped", "order status please", "when will my parcel arrive", "is my package on its way", "my delivery is late", "check my shipment", "where is my parcel", "did you send my order", "how long until my order comes", "order tracking"]),
        ("opening_hours", ["when are you open", "opening hours", "are you open on sunday", "what time do you close", "what are your hours", "are you open today", "when do you open tomorrow", "closing time"]),
        ("refund", ["i want a refund", "how do i get my money back", "refund my order", "can i return this", "return policy", "money back please", "i want to return an item", "how do returns work", "refund status"]),
        ("pricing", ["how much does it cost", "what is the price", "pricing plans", "is there a discount", "how expensive is it", "price list", "do you have cheaper options", "what do you charge"]),
        ("account", ["reset my password", "i cannot log in", "change my email", "delete my account", "update my profile", "forgot my password", "my account is locked", "how do i sign up"]),
        ("weather", ["what is the weather", "will it rain today", "weather forecast", "is it sunny tomorrow", "how cold is it", "temperature outside", "do i need an umbrella"]),
        ("book_table", ["book a table", "reserve a table for two", "i want to make a reservation", "table for four tonight", "can i book for friday", "reservation please", "do you have a free table"]),
        ("human", ["talk to a human", "i want an agent", "connect me to support", "real person please", "speak to someone", "customer service"]),
        ("shipping_cost", ["how much is shipping", "delivery cost", "is shipping free", "shipping fees", "what does delivery cost abroad", "free delivery threshold"]),
        ("payment", ["can i pay by card", "do you accept paypal", "payment methods", "pay with bitcoin", "can i pay on delivery", "invoice payment", "my payment failed"]),
        ("jokes", ["tell me a joke", "make me laugh", "say something funny", "do you know any jokes", "another joke"]),
        ("location", ["where are you located", "your address", "how do i find you", "nearest store", "directions to the shop", "where is your office"]),
    ];

    private static readonly string[] Greetings = ["hi", "hello", "hey there", "good morning", "hello bot", "hi there"];
    private static readonly string[] Goodbyes = ["bye", "goodbye", "see you later", "thanks bye", "talk to you later"];

    /// <summary>The bot of index <paramref name="index"/>: its intents (deterministic in the index).</summary>
    public static IReadOnlyList<Intent> Intents(int index)
    {
        var random = new Random(index);
        var topics = Topics.OrderBy(_ => random.Next()).Take(4 + random.Next(5)).ToList();
        var intents = new List<Intent> { Make("greet", "Hello!", Greetings), Make("goodbye", "Goodbye!", Goodbyes) };
        foreach (var (intent, phrases) in topics)
            intents.Add(Make(intent, $"About {intent.Replace('_', ' ')}: here is what I know.", phrases.Take(5 + random.Next(phrases.Length - 4)).ToArray()));
        return intents;
    }

    /// <summary>A bot of about <paramref name="phrases"/> phrases: the whole pool's intents, each phrase varied by a suffix.</summary>
    public static IReadOnlyList<Intent> Large(int phrases)
    {
        string[] suffixes = ["", " please", " now", " today", " thanks", " again", " quickly", " for me", " if you can", " asap"];
        var perIntent = phrases / Topics.Length;
        return Topics.Select(topic => Make(topic.Intent, "Sure.",
            Enumerable.Range(0, perIntent).Select(i => $"{topic.Phrases[i % topic.Phrases.Length]}{suffixes[i / topic.Phrases.Length % suffixes.Length]} {i / (topic.Phrases.Length * suffixes.Length)}").ToArray())).ToList();
    }

    /// <summary>Something a user of the bot says: a phrase of one of its intents.</summary>
    public static string Utterance(IReadOnlyList<Intent> intents, Random random)
    {
        var intent = intents[random.Next(intents.Count)];
        return intent.TrainingData[random.Next(intent.TrainingData.Count)].Text;
    }

    private static Intent Make(string id, string response, string[] phrases) =>
        new(id, id, response, [], phrases.Select(p => new TrainingPhrase(p, [])).ToList());
}
