using ChatbotPipeline.Nlu.Dialogue.Stories;

namespace ChatbotPipeline.Nlu.Tests.Dialogue;

/// <summary>Which action follows which turn: rules before stories, stories by their longest matching window, the learned policy last.</summary>
public sealed class NextActionTests
{
    private static readonly BotDialogue Mood = new(
        new Dictionary<string, IReadOnlyList<ResponseVariant>>
        {
            ["utter_greet"] = [new("Hey!")], ["utter_happy"] = [new("Great!")], ["utter_cheer_up"] = [new("Cheer up")],
            ["utter_did_that_help"] = [new("Did that help?")], ["utter_iamabot"] = [new("I am a bot.")], ["utter_goodbye"] = [new("Bye")],
        },
        [], [], [],
        [
            new DialogueRule("bot", [], [new(Intent: "bot_challenge"), new(Action: "utter_iamabot")]),
            new DialogueRule("sad", [], [new(Intent: "mood_unhappy"), new(Action: "utter_cheer_up"), new(Action: "utter_did_that_help")], WaitForUserInput: false),
            new DialogueRule("helped", [], [new(Action: "utter_did_that_help"), new(Intent: "affirm"), new(Action: "utter_happy")]),
        ],
        [
            new DialogueStory("happy", [new(Intent: "greet"), new(Action: "utter_greet"), new(Intent: "mood_great"), new(Action: "utter_happy")]),
            new DialogueStory("sad", [new(Intent: "greet"), new(Action: "utter_greet"), new(Intent: "mood_unhappy"), new(Action: "utter_cheer_up"),
                new(Action: "utter_did_that_help"), new(Intent: "deny"), new(Action: "utter_goodbye")]),
        ]);

    private static DialogueTracker Tracker(params string[] said)
    {
        var tracker = DialogueTracker.Start(Mood);
        foreach (var item in said)
            tracker = item.StartsWith("utter_", StringComparison.Ordinal) || item.StartsWith("action_", StringComparison.Ordinal)
                ? tracker.With(new TrackerEvent(TrackerEvent.Action, item))
                : tracker.With(new TrackerEvent(TrackerEvent.Action, DefaultActions.Listen)).With(new TrackerEvent(TrackerEvent.User, item));
        return tracker;
    }

    [Theory]
    [InlineData("utter_greet", true, "greet")]
    [InlineData("action_listen", false, "greet", "utter_greet")]
    [InlineData("utter_cheer_up", true, "greet", "utter_greet", "mood_unhappy")]
    [InlineData("utter_did_that_help", false, "mood_unhappy", "utter_cheer_up")]
    [InlineData("action_listen", false, "mood_unhappy", "utter_cheer_up", "utter_did_that_help")]
    [InlineData("utter_happy", true, "mood_unhappy", "utter_cheer_up", "utter_did_that_help", "affirm")]
    [InlineData("utter_goodbye", true, "greet", "utter_greet", "mood_unhappy", "utter_cheer_up", "utter_did_that_help", "deny")]
    [InlineData("utter_iamabot", true, "greet", "utter_greet", "mood_unhappy", "utter_cheer_up", "utter_did_that_help", "bot_challenge")]
    public void Rules_and_stories_say_what_comes_next(string expected, bool afterUser, params string[] said) =>
        Assert.Equal(expected, NextAction.Predict(Mood, Tracker(said), afterUser));

    [Fact]
    public void An_intent_nothing_covers_falls_back()
    {
        Assert.Equal(DefaultActions.DefaultFallback, NextAction.Predict(Mood, Tracker("order_pizza"), afterUser: true));
        Assert.Equal(DefaultActions.Restart, NextAction.Predict(Mood, Tracker("greet", "utter_greet", "restart"), afterUser: true));
    }

    [Fact]
    public void The_learned_policy_generalises_from_the_state_and_is_unsure_of_what_it_never_saw()
    {
        var policy = LearnedPolicy.Of(Mood);

        var afterGreeting = policy.Predict(Tracker("greet", "utter_greet", "mood_great"), Mood)!.Value;
        var elsewhere = policy.Predict(Tracker("bot_challenge", "utter_iamabot", "mood_great"), Mood)!.Value;

        Assert.Equal("utter_happy", afterGreeting.Action);
        Assert.Equal("utter_happy", elsewhere.Action);
        Assert.Null(policy.Predict(Tracker("order_pizza"), Mood));
    }
}
