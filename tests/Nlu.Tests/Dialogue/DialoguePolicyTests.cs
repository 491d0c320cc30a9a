using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Dialogue;
using ChatbotPipeline.Nlu.Entities;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Nlu.Tests.Dialogue;

public sealed class DialoguePolicyTests
{
    private readonly DialoguePolicy _policy = new(new ChatbotPipeline.Nlu.Templates.ResponseRenderer());
    private readonly Definitions.BotDefinition _bot = Some.ShopBot();

    private DialogueOutcome Say(string text, string intent, double probability, ConversationContext? context = null) =>
        _policy.Decide(_bot, Predict(intent, probability), EntityRecognizer.For(_bot).Extract(text, Some.Now), context ?? ConversationContext.Empty);

    private static IntentPrediction Predict(string intent, double probability) =>
        new([new IntentScore(intent, probability), new IntentScore("other", 1 - probability)]);

    [Fact]
    public void A_missing_required_parameter_is_prompted_for_and_remembered()
    {
        var outcome = Say("where is my order", "order_status", 0.9);

        Assert.Equal(DialogueStates.AwaitingParameter, outcome.State);
        Assert.Equal(["Your order number?", "It looks like ORD123."], outcome.Replies);
        Assert.Equal(("order_status", "order_number"), (outcome.NextContext.IntentId, outcome.NextContext.AwaitingParameter));
    }

    [Fact]
    public void The_answer_to_a_prompt_fills_the_parameter_and_completes_the_intent()
    {
        var first = Say("where is my order", "order_status", 0.9);

        var second = Say("it is ORD777 in nyc", "greet", 0.2, first.NextContext);

        Assert.Equal(DialogueStates.Completed, second.State);
        Assert.Equal("order_status", second.Intent);
        Assert.Equal(["Order ORD777 ships to New York."], second.Replies);
        Assert.Null(second.NextContext.IntentId);
    }

    [Fact]
    public void Everything_given_at_once_completes_without_a_prompt()
    {
        var outcome = Say("where is order ORD555", "order_status", 0.8);

        Assert.Equal(DialogueStates.Completed, outcome.State);
        Assert.Equal("ORD555", outcome.Parameters["order_number"]);
    }

    [Fact]
    public void An_unclear_answer_to_a_prompt_repeats_the_prompt()
    {
        var first = Say("where is my order", "order_status", 0.9);

        var second = Say("umm", "greet", 0.3, first.NextContext);

        Assert.Equal(DialogueStates.AwaitingParameter, second.State);
        Assert.Equal(first.Replies, second.Replies);
    }

    [Fact]
    public void A_confident_different_intent_leaves_the_pending_one()
    {
        var first = Say("where is my order", "order_status", 0.9);

        var second = Say("hello", "greet", 0.9, first.NextContext);

        Assert.Equal(("greet", DialogueStates.Completed), (second.Intent, second.State));
    }

    [Fact]
    public void Cancel_drops_the_pending_intent()
    {
        var first = Say("where is my order", "order_status", 0.9);

        var second = Say("cancel", "cancel", 0.95, first.NextContext);

        Assert.Equal((DialogueStates.Cancelled, "Cancelled."), (second.State, Assert.Single(second.Replies)));
        Assert.Null(second.NextContext.IntentId);
    }

    [Fact]
    public void Below_the_threshold_the_fallback_intent_answers()
    {
        var outcome = Say("blorp", "greet", 0.39);

        Assert.Equal((SystemIntentsFallback, DialogueStates.Fallback, "Say again?"), (outcome.Intent, outcome.State, Assert.Single(outcome.Replies)));
    }

    [Fact]
    public void Without_a_model_everything_falls_back()
    {
        var outcome = _policy.Decide(_bot, null, [], ConversationContext.Empty);

        Assert.Equal(DialogueStates.Fallback, outcome.State);
    }

    [Fact]
    public void A_bot_without_a_fallback_intent_uses_the_default_fallback()
    {
        var bot = Some.Bot([Some.Intent("greet", "hi")]);

        var outcome = _policy.Decide(bot, Predict("greet", 0.1), [], ConversationContext.Empty);

        Assert.Equal(["Sorry, I didn't get that.", "Could you say it another way?"], outcome.Replies);
    }

    [Fact]
    public void A_response_answered_by_the_fallback_because_it_rendered_nothing_counts_as_no_answer()
    {
        var bot = Some.Bot([Some.Intent("greet", "hi") with { SpeechResponse = "{{ nothing }}" }, Some.Intent("bye", "bye")]);

        var outcome = _policy.Decide(bot, Predict("greet", 0.9), [], ConversationContext.Empty);

        Assert.Equal(("greet", DialogueStates.Fallback), (outcome.Intent, outcome.State));
        Assert.Equal(["Sorry, I didn't get that.", "Could you say it another way?"], outcome.Replies);
    }

    [Fact]
    public void An_ambiguous_prediction_falls_back_when_the_bot_sets_a_margin()
    {
        var definition = Some.Bot([Some.Intent("greet", "hi"), Some.Intent("bye", "bye")]);
        var strict = definition with { Bot = definition.Bot with { AmbiguityMargin = 0.2 } };
        IntentPrediction close = new([new IntentScore("greet", 0.5), new IntentScore("bye", 0.45)]);

        Assert.Equal(DialogueStates.Completed, _policy.Decide(definition, close, [], ConversationContext.Empty).State);
        Assert.Equal(DialogueStates.Fallback, _policy.Decide(strict, close, [], ConversationContext.Empty).State);
    }

    private const string SystemIntentsFallback = Definitions.SystemIntents.Fallback;
}
